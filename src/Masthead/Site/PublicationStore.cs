using Masthead.Data;
using Masthead.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Masthead.Site;

/// <summary>Creates the publication row on first run, applies configured overrides, and loads it into <see cref="SiteContext"/>.</summary>
public sealed class PublicationStore(MastheadDbContext db, IOptions<PublicationOptions> options, SiteContext site)
{
    public async Task<Publication> EnsureAsync(CancellationToken cancellationToken)
    {
        var publication = await db.Publications.OrderBy(p => p.Id).FirstOrDefaultAsync(cancellationToken);
        if (publication is null)
        {
            publication = new Publication { Name = "Masthead", BaseUrl = "" };
            db.Publications.Add(publication);
        }

        var o = options.Value;
        publication.Name = o.Name ?? publication.Name;
        publication.Description = o.Description ?? publication.Description;
        publication.BaseUrl = o.BaseUrl?.TrimEnd('/') ?? publication.BaseUrl;
        publication.TimeZone = o.TimeZone ?? publication.TimeZone;
        publication.Locale = o.Locale ?? publication.Locale;
        publication.DateTimeFormat = o.DateTimeFormat ?? publication.DateTimeFormat;
        publication.DateFormat = o.DateFormat ?? publication.DateFormat;

        await db.SaveChangesAsync(cancellationToken);
        site.Set(publication);
        return publication;
    }
}
