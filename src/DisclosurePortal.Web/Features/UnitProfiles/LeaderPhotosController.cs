using DisclosurePortal.Domain.Units;
using DisclosurePortal.Data;
using DisclosurePortal.Data.Security;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace DisclosurePortal.Web.Features.UnitProfiles;

/// <summary>
/// A leader's photo (issue 20 §2), by a content-addressed URL (the photo's id and the start of its SHA-256: a photo
/// never changes, a new one is a new URL), so it is cached for a year. Anyone gets a photo that a unit's published
/// 机构概况 shows; the unit's own editors and the office's reviewers also get the photos of drafts and of versions in
/// review. Anything else is a 404, a draft's photo included.
/// </summary>
public sealed class LeaderPhotosController(PortalDbContext db, AttachmentStorage storage) : PortalController
{
    /// <summary>How many hex digits of the SHA-256 the URL carries.</summary>
    public const int HashLength = 16;

    private const string PublicCache = "public, max-age=31536000, immutable";
    private const string StaffCache = "private, max-age=31536000, immutable";

    [HttpGet("/organisations/photos/{id:int}/{hash}")]
    public async Task<IActionResult> Photo(int id, string hash, CancellationToken ct)
    {
        var photo = await db.LeaderPhotos.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (photo is null || !string.Equals(hash, photo.Sha256[..HashLength], StringComparison.Ordinal)) return NotFoundPage("没有找到该照片。");
        var published = await (from l in db.UnitLeaders
                               join p in db.UnitProfiles on l.ProfileId equals p.Id
                               where l.PhotoId == id && p.State == ProfileState.Published
                               select l.Id).AnyAsync(ct);
        var staff = !published && (User.EditsFor(photo.DepartmentId) || User.IsInRole(Roles.Reviewer));
        var path = storage.PathOf(photo.StorageKey);
        if (!(published || staff) || path is null || !System.IO.File.Exists(path)) return NotFoundPage("没有找到该照片。");
        Response.Headers.XContentTypeOptions = "nosniff";
        Response.Headers.CacheControl = published ? PublicCache : StaffCache;
        return PhysicalFile(path, photo.ContentType, photo.UploadedAt, new EntityTagHeaderValue($"\"{photo.Sha256}\""));
    }
}
