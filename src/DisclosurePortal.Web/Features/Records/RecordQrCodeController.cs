using DisclosurePortal.Data;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure;
using DisclosurePortal.Web.Infrastructure.Caching;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using QRCoder;

namespace DisclosurePortal.Web.Features.Records;

/// <summary>The QR code of a public record's canonical URL, shown on the record page for reading it on a phone.</summary>
public sealed class RecordQrCodeController(PortalDbContext db, PublicSite site) : PortalController
{
    [HttpGet("/records/{id:int}/qr.svg")]
    [PublicPage(PublicPage.RecordQrCode)]
    public async Task<IActionResult> Svg(int id, CancellationToken ct)
    {
        if (!await db.PublishedVersions.AnyAsync(v => v.RecordId == id, ct))
            return NotFoundPage("没有找到该信息，可能尚未发布或已被撤回。");
        Response.Headers.CacheControl = "public, max-age=3600";
        Response.Headers.XContentTypeOptions = "nosniff";
        return Content(RecordQrCode.Svg(site.RecordUrl(Request, id)), RecordQrCode.ContentType);
    }
}

public static class RecordQrCode
{
    public const string ContentType = "image/svg+xml; charset=utf-8";

    /// <summary>
    /// Error correction M (15%) survives a smudged print-out; 4 units a module with the 4-module quiet zone a phone
    /// needs to find the code. The size on the page is set by the img element.
    /// </summary>
    public static string Svg(string url)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(4);
    }
}
