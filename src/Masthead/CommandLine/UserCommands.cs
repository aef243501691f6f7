using System.CommandLine;
using System.Text;
using Masthead.Data.Entities;
using Masthead.Newsroom.Accounts;

namespace Masthead.CommandLine;

/// <summary><c>masthead user add EMAIL --role ROLE</c>: staff accounts from the command line, the first admin included.</summary>
public static class UserCommands
{
    public static Command Create()
    {
        var email = new Argument<string>("EMAIL") { Description = "The email the person signs in with." };
        var role = new Option<string>("--role") { Description = $"One of: {string.Join(", ", StaffRoles.All)}.", Required = true };
        var name = new Option<string?>("--name") { Description = "How the newsroom names them (defaults to the part of the email before @)." };
        var author = new Option<string?>("--author") { Description = "The author slug whose byline they write under (required for the author role)." };
        var add = new Command("add", "Create a staff account. The password is read from standard input when it is redirected, otherwise asked for twice without echo; never taken as an argument.")
        {
            email, role, name, author,
        };
        add.TreatUnmatchedTokensAsErrors = false;
        add.SetAction((result, ct) => Commands.RunWithServicesAsync(result, async (services, token) =>
        {
            var password = ReadPassword();
            if (password is null)
            {
                await Console.Error.WriteLineAsync("error: the passwords did not match, or none was given.");
                return 1;
            }

            var outcome = await services.GetRequiredService<StaffAccounts>().CreateAsync(
                result.GetValue(email)!, result.GetValue(name) ?? "", result.GetValue(role)!, password, token, result.GetValue(author));
            if (!outcome.Succeeded)
            {
                foreach (var error in outcome.Errors)
                {
                    await Console.Error.WriteLineAsync($"error: {error}");
                }

                return 1;
            }

            Console.WriteLine($"Created {result.GetValue(role)} {result.GetValue(email)}. Sign in at /newsroom/signin.");
            return 0;
        }, ct));
        return new Command("user", "Manage newsroom staff accounts.") { add };
    }

    private static string? ReadPassword()
    {
        if (Console.IsInputRedirected)
        {
            var line = Console.In.ReadLine();
            return string.IsNullOrEmpty(line) ? null : line;
        }

        var first = Prompt("Password (12 characters or more): ");
        var second = Prompt("Again: ");
        return first.Length > 0 && first == second ? first : null;
    }

    private static string Prompt(string label)
    {
        Console.Write(label);
        var password = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                Console.WriteLine();
                return password.ToString();
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                if (password.Length > 0)
                {
                    password.Length--;
                }
            }
            else if (!char.IsControl(key.KeyChar))
            {
                password.Append(key.KeyChar);
            }
        }
    }
}
