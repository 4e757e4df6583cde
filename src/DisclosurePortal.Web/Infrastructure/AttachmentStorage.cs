namespace DisclosurePortal.Web.Infrastructure;

/// <summary>
/// Attachment bytes live outside wwwroot, in <c>Storage:AttachmentsFolder</c> (default <c>data/attachments</c>),
/// under keys the app generates. A key that would leave the folder is refused, whatever is in the database.
/// </summary>
public sealed class AttachmentStorage(IConfiguration configuration, IWebHostEnvironment environment)
{
    public string Folder { get; } = Path.GetFullPath(ResolveFolder(configuration, environment));

    public string? PathOf(string storageKey)
    {
        if (string.IsNullOrWhiteSpace(storageKey)) return null;
        var full = Path.GetFullPath(Path.Combine(Folder, storageKey));
        return full.StartsWith(Folder + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? full : null;
    }

    /// <summary>
    /// Writes <paramref name="content"/> under a new key (<paramref name="prefix"/>/year/guid+extension) and fsyncs it:
    /// on disk before the row that names it commits, so a power cut cannot leave a row with an empty file. Answers the
    /// key and the SHA-256 of the bytes (lower-case hex), for the row.
    /// </summary>
    public async Task<(string Key, string Sha256)> WriteAsync(string? prefix, MemoryStream content, string extension, DateTimeOffset now, CancellationToken ct)
    {
        var key = $"{(prefix is null ? "" : prefix + "/")}{now:yyyy}/{Guid.NewGuid():N}{extension}";
        var path = PathOf(key)!;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        content.Position = 0;
        await using (var output = new FileStream(path, FileMode.CreateNew, FileAccess.Write))
        {
            await content.CopyToAsync(output, ct);
            output.Flush(flushToDisk: true);
        }
        var bytes = content.TryGetBuffer(out var segment) ? segment.AsSpan() : content.ToArray();
        return (key, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)));
    }

    private static string ResolveFolder(IConfiguration configuration, IWebHostEnvironment environment)
    {
        var folder = configuration["Storage:AttachmentsFolder"] ?? Path.Combine(configuration["Database:DataFolder"] ?? "data", "attachments");
        return Path.IsPathRooted(folder) ? folder : Path.Combine(environment.ContentRootPath, folder);
    }
}
