using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using DisclosurePortal.Domain.Publishing;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure;
using DisclosurePortal.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace DisclosurePortal.Web.Features.ManageRecords;

/// <summary>A file waiting on the server for its record form to be saved.</summary>
public sealed record PendingFile(string Name, long Size);

/// <summary>
/// The files a record form carries before it is saved (issue 18): attachments chosen on the new-record form and the
/// pictures of an imported Word body. A browser cannot fill a file input again, so a form that comes back (a preview,
/// an import, a mistake to correct) must not ask for the files again: each is checked as an upload is
/// (<see cref="UploadAttachmentHandler.Check"/>) and kept under <c>pending/</c> in the attachments folder, named by a
/// random token the form carries in <see cref="RecordForm.Pending"/> and by the editor, so nobody else's token finds
/// them. The save writes them as attachments in its own transaction (<see cref="CommitAsync"/>, fsynced as uploads are).
/// </summary>
public sealed class RecordFilesHandler(AttachmentStorage storage, UploadAttachmentHandler uploads, IStringLocalizer<SharedResource> localizer)
{
    /// <summary>More than this many files wait for one form only when something is wrong; the record page takes more after saving.</summary>
    public const int MaxPending = 30;

    /// <summary>
    /// Takes what the form posted: keeps the files chosen (refusing, beside the field, the ones an upload would refuse),
    /// and on "import" reads the Word file into the body and keeps its pictures. The pending files stay named by the token.
    /// </summary>
    public async Task TakeAsync(RecordForm form, ModelStateDictionary modelState, ClaimsPrincipal user, CancellationToken ct)
    {
        form.Pending = FolderOf(user, form.Pending) is { } existing && Directory.Exists(existing) ? form.Pending : null;
        modelState.Remove(nameof(RecordForm.Pending)); // the hidden field shows the token kept, not the one posted

        var chosen = new List<(string Name, byte[] Content)>();
        foreach (var file in form.Attachments.Where(f => f.Length > 0 || f.FileName.Length > 0))
        {
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, ct);
            var (type, refusal) = uploads.Check(file.FileName, buffer);
            if (type is null)
                modelState.AddModelError(nameof(RecordForm.Attachments), localizer["“{0}”未能添加：", file.FileName] + localizer[refusal!.Message, refusal.Args]);
            else
                chosen.Add((file.FileName, buffer.ToArray()));
        }
        if (chosen.Count > 0) form.Pending = await AddAsync(user, form.Pending, chosen, modelState, ct);

        if (form.IsImport) await ImportAsync(form, modelState, user, ct);
    }

    private async Task ImportAsync(RecordForm form, ModelStateDictionary modelState, ClaimsPrincipal user, CancellationToken ct)
    {
        if (form.WordFile is not { Length: > 0 } word)
        {
            modelState.AddModelError(nameof(RecordForm.WordFile), "请选择要导入的 Word 文件（.docx）。");
            return;
        }
        using var buffer = new MemoryStream();
        await word.CopyToAsync(buffer, ct);
        buffer.Position = 0;
        if (!WordBodyReader.TryRead(buffer, out var body, out var problem))
        {
            modelState.AddModelError(nameof(RecordForm.WordFile), problem!);
            return;
        }
        if (body.Markdown.Length > RecordFormValidator.MaxBodyLength)
        {
            modelState.AddModelError(nameof(RecordForm.WordFile), "该 Word 文件的文字超过20万字，请分成几条信息发布。");
            return;
        }
        form.Body = body.Markdown;
        modelState.Remove(nameof(RecordForm.Body)); // the text area shows the imported text, not the one posted

        var pictures = new List<(string Name, byte[] Content)>();
        foreach (var image in body.Images)
        {
            using var content = new MemoryStream(image.Content);
            var (type, refusal) = uploads.Check(image.FileName, content);
            if (type is null)
                modelState.AddModelError(nameof(RecordForm.WordFile), localizer["Word 文件中的{0}不能作为附件：", image.FileName] + localizer[refusal!.Message, refusal.Args]);
            else
                pictures.Add((image.FileName, image.Content));
        }
        if (pictures.Count > 0) form.Pending = await AddAsync(user, form.Pending, pictures, modelState, ct);
    }

    /// <summary>The files waiting for this form, in the order they were added.</summary>
    public IReadOnlyList<PendingFile> List(ClaimsPrincipal user, string? token) =>
        [.. Entries(user, token).Select(e => new PendingFile(e.Name, new FileInfo(e.Path).Length))];

    /// <summary>
    /// Writes the waiting files as attachments of <paramref name="version"/> (rows and audit events added to the
    /// context, for the caller's transaction to commit). Answers a refusal when one no longer passes the checks.
    /// </summary>
    public async Task<Refusal?> CommitAsync(int recordId, RecordVersion version, string? token, ClaimsPrincipal user, CancellationToken ct)
    {
        foreach (var (name, path) in Entries(user, token))
        {
            await using var content = new MemoryStream(await File.ReadAllBytesAsync(path, ct));
            var stored = await uploads.StoreAsync(recordId, version, name, content, user, ct);
            if (stored.Refusal is { } refusal) return refusal;
        }
        return null;
    }

    /// <summary>Once the save has committed: the waiting copies are no longer needed.</summary>
    public void Discard(ClaimsPrincipal user, string? token)
    {
        if (FolderOf(user, token) is { } folder && Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
    }

    private async Task<string?> AddAsync(ClaimsPrincipal user, string? token, List<(string Name, byte[] Content)> files, ModelStateDictionary modelState, CancellationToken ct)
    {
        token ??= Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var folder = FolderOf(user, token)!;
        Directory.CreateDirectory(folder);
        var count = Entries(user, token).Count();
        foreach (var (name, content) in files)
        {
            if (count >= MaxPending)
            {
                modelState.AddModelError(nameof(RecordForm.Attachments), "一次最多添加30个附件，其余请在保存后到信息页面上传。");
                break;
            }
            var stem = Path.Combine(folder, (++count).ToString("D3", System.Globalization.CultureInfo.InvariantCulture));
            await File.WriteAllBytesAsync(stem + ".bin", content, ct);
            await File.WriteAllTextAsync(stem + ".name", name, Encoding.UTF8, ct);
        }
        return token;
    }

    private IEnumerable<(string Name, string Path)> Entries(ClaimsPrincipal user, string? token)
    {
        if (FolderOf(user, token) is not { } folder || !Directory.Exists(folder)) yield break;
        foreach (var bin in Directory.EnumerateFiles(folder, "*.bin").Order(StringComparer.Ordinal))
        {
            var nameFile = Path.ChangeExtension(bin, ".name");
            if (File.Exists(nameFile)) yield return (File.ReadAllText(nameFile, Encoding.UTF8), bin);
        }
    }

    /// <summary>pending/&lt;editor&gt;/&lt;token&gt;; null for anything but a token this portal made (32 hex digits).</summary>
    private string? FolderOf(ClaimsPrincipal user, string? token)
    {
        if (token is not { Length: 32 } || !token.All(char.IsAsciiHexDigitLower)) return null;
        var editor = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(user.UserId() ?? user.DisplayName())))[..16];
        return storage.PathOf($"pending/{editor}/{token}");
    }
}
