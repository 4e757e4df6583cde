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

    private static string ResolveFolder(IConfiguration configuration, IWebHostEnvironment environment)
    {
        var folder = configuration["Storage:AttachmentsFolder"] ?? Path.Combine(configuration["Database:DataFolder"] ?? "data", "attachments");
        return Path.IsPathRooted(folder) ? folder : Path.Combine(environment.ContentRootPath, folder);
    }
}
