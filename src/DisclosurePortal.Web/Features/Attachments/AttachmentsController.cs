using DisclosurePortal.Data;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.Attachments;

public sealed class AttachmentsController(PortalDbContext db, AttachmentStorage storage) : PortalController
{
    /// <summary>
    /// Downloads an attachment of a published version. Always as a download (Content-Disposition: attachment, with
    /// the Chinese file name encoded per RFC 5987) and never sniffed, so an uploaded file cannot run as a page here.
    /// </summary>
    [HttpGet("/attachments/{id:int}")]
    public async Task<IActionResult> Download(int id, CancellationToken ct)
    {
        var attachment = await (
            from a in db.Attachments.AsNoTracking()
            join v in db.PublishedVersions on a.RecordVersionId equals v.Id
            where a.Id == id
            select a).FirstOrDefaultAsync(ct);
        var path = attachment is null ? null : storage.PathOf(attachment.StorageKey);
        if (attachment is null || path is null || !System.IO.File.Exists(path))
            return NotFoundPage("没有找到该附件，可能尚未发布或已被撤回。");
        Response.Headers.XContentTypeOptions = "nosniff";
        return PhysicalFile(path, attachment.ContentType, attachment.FileName);
    }
}
