using DisclosurePortal.Web.Infrastructure.Site;

namespace DisclosurePortal.Web.Infrastructure;

/// <summary>
/// The site as the outside world names it: its particulars (<see cref="Identity"/>, set by its administrator, issue 20)
/// and its address (appsettings <c>Portal</c>): feeds, exports and QR codes carry absolute URLs. With
/// <c>Portal:PublicBaseUrl</c> set those URLs are the same whatever host or proxy a request came through; without it
/// they are built from the request (fine on one host, and what the tests use).
/// </summary>
public sealed class PublicSite
{
    private readonly SiteIdentityStore? _identity;

    /// <param name="identity">Where the particulars are read; only the address is known without it.</param>
    public PublicSite(IConfiguration configuration, SiteIdentityStore? identity = null)
    {
        _identity = identity;
        var configured = configuration["Portal:PublicBaseUrl"];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            if (!Uri.TryCreate(configured.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
                || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
                throw new InvalidOperationException($"Portal:PublicBaseUrl '{configured}' must be an absolute http or https URL without a query.");
            BaseUrl = uri.GetLeftPart(UriPartial.Path).TrimEnd('/');
        }
    }

    /// <summary>The site's particulars as last read.</summary>
    public SiteProfile Identity => (_identity ?? throw new InvalidOperationException("No site identity store.")).Current;

    public string SiteName => Identity.SiteName;

    /// <summary>主办单位: the author of the feeds and exports.</summary>
    public string Publisher => Identity.Sponsor;

    /// <summary>The configured base (scheme, host, optional path, no trailing slash), or null to use the request's.</summary>
    public string? BaseUrl { get; }

    /// <summary>The absolute URL of a site path ("/records/12").</summary>
    public string Absolute(HttpRequest request, string path)
    {
        ArgumentNullException.ThrowIfNull(request);
        var root = BaseUrl ?? $"{request.Scheme}://{request.Host.ToUriComponent()}{request.PathBase.ToUriComponent()}";
        return root + path;
    }

    /// <summary>The canonical URL of a public record: what its feed entry, export row and QR code point to.</summary>
    public string RecordUrl(HttpRequest request, int recordId) =>
        Absolute(request, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"/records/{recordId}"));
}
