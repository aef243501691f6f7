using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Masthead.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CommenterHistoryIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Comments_AuthorEmail",
                table: "Comments");

            migrationBuilder.CreateIndex(
                name: "IX_Comments_AuthorEmail_Status",
                table: "Comments",
                columns: new[] { "AuthorEmail", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Comments_AuthorName_Status",
                table: "Comments",
                columns: new[] { "AuthorName", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Comments_IpAddress_Status",
                table: "Comments",
                columns: new[] { "IpAddress", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Comments_AuthorEmail_Status",
                table: "Comments");

            migrationBuilder.DropIndex(
                name: "IX_Comments_AuthorName_Status",
                table: "Comments");

            migrationBuilder.DropIndex(
                name: "IX_Comments_IpAddress_Status",
                table: "Comments");

            migrationBuilder.CreateIndex(
                name: "IX_Comments_AuthorEmail",
                table: "Comments",
                column: "AuthorEmail");
        }
    }
}
