using System.Globalization;

namespace DisclosurePortal.Web.Infrastructure;

public static class FileSizes
{
    /// <summary>45 B, 12.3 KB, 4.5 MB: what a person reads beside a download link.</summary>
    public static string Describe(long bytes) => bytes switch
    {
        < 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes} B"),
        < 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0 / 1024.0:0.#} MB"),
    };
}
