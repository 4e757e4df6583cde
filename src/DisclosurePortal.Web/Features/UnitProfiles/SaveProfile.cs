using System.Security.Claims;
using DisclosurePortal.Domain.Auditing;
using DisclosurePortal.Domain.Units;
using DisclosurePortal.Data;
using DisclosurePortal.Data.Security;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.UnitProfiles;

/// <summary>A leader's new photo, checked (<see cref="LeaderPhotoImage.Check"/>), for the leader row it was chosen in.</summary>
public sealed record LeaderPhotoUpload(int Row, CheckedPhoto Photo);

/// <summary>Why a leader row's new photo is refused: the row, and the message with its arguments.</summary>
public sealed record LeaderPhotoProblem(int Row, string Message, object[] Args);

/// <summary>
/// Saves the editor's own unit's 机构概况 draft (the form and its validator: <see cref="ProfileForm"/>): the open draft
/// is changed, or a new version is started when the unit has none open. A version in review is not changed.
/// Leaders' new photos are checked first (<see cref="CheckPhotosAsync"/>), then written and fsynced before the version
/// that shows them commits, in one transaction with it; a kept photo must be one of the unit's own.
/// </summary>
public sealed class SaveProfileHandler(PortalDbContext db, AuditTrail audit, TimeProvider clock, AttachmentStorage storage)
{
    private const string Changed = "保存失败：您打开此页后，机构概况已被他人修改或提交，请重新打开后再修改。";

    /// <summary>Where the photos are kept in the attachment store.</summary>
    public const string PhotoFolder = "leader-photos";

    /// <summary>
    /// Reads and checks each chosen photo (JPG or PNG by content, size, pixels), stripped of its metadata; a row whose
    /// leader is otherwise empty is skipped (the validator asks for the name). Nothing is written.
    /// </summary>
    public static async Task<(IReadOnlyList<LeaderPhotoUpload> Photos, IReadOnlyList<LeaderPhotoProblem> Problems)> CheckPhotosAsync(ProfileForm form, CancellationToken ct)
    {
        var photos = new List<LeaderPhotoUpload>();
        var problems = new List<LeaderPhotoProblem>();
        for (var i = 0; i < form.Leaders.Count; i++)
        {
            if (form.Leaders[i].Photo is not { } file) continue;
            if (file.Length > LeaderPhotoImage.MaxBytes)
            {
                problems.Add(new LeaderPhotoProblem(i, LeaderPhotoImage.TooLarge, []));
                continue;
            }
            await using var buffer = new MemoryStream((int)file.Length);
            await file.CopyToAsync(buffer, ct);
            var (photo, problem, args) = LeaderPhotoImage.Check(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
            if (photo is null) problems.Add(new LeaderPhotoProblem(i, problem!, args));
            else photos.Add(new LeaderPhotoUpload(i, photo));
        }
        return (photos, problems);
    }

    public async Task<Outcome<int>> HandleAsync(ProfileForm form, IReadOnlyList<LeaderPhotoUpload> photos, ClaimsPrincipal user, CancellationToken ct)
    {
        var department = user.DepartmentId() ?? throw new InvalidOperationException("Editor policy guarantees a department.");
        var open = await ProfileQueries.OpenAsync(db, department, ct);
        if (open is { State: ProfileState.Submitted }) return Refusal.Conflict("机构概况已提交审核，审核完成前不能修改。");
        if (open is null && form.Version is not null) return Refusal.Conflict(Changed);
        // A kept photo is named by a hidden field: it must be one the unit uploaded (never another unit's, nor one of its drafts).
        var kept = form.Leaders.Where(l => !l.IsEmpty && l.KeptPhotoId is not null).Select(l => l.KeptPhotoId!.Value).Distinct().ToList();
        if (kept.Count > 0 && await db.LeaderPhotos.CountAsync(p => kept.Contains(p.Id) && p.DepartmentId == department, ct) != kept.Count)
            return new Refusal("照片已不存在，请重新打开机构概况后再修改。");
        if (open is not null && form.Version != open.Version) return Refusal.Conflict(Changed);
        return await Outcome.Try(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var added = await StorePhotosAsync(department, form, photos, user, ct);
            if (open is not null)
            {
                await db.Entry(open).Collection(p => p.Offices).LoadAsync(ct);
                await db.Entry(open).Collection(p => p.Leaders).LoadAsync(ct);
                var before = open.Leaders.Where(l => l.PhotoId is not null).ToList();
                open.Edit(form.ToDraft(added), clock.GetUtcNow());
                audit.Record(user, AuditActions.UnitProfileEdit, open.Id, $"修改机构概况草稿（第{open.Number}版）");
                RecordPhotoChanges(user, open, before, photos, form);
                try
                {
                    await db.SaveChangesAsync(ct);
                }
                catch (DbUpdateConcurrencyException)
                {
                    return Refusal.Conflict(Changed);
                }
                await transaction.CommitAsync(ct);
                return (Outcome<int>)open.Id;
            }
            var number = (await db.UnitProfiles.Where(p => p.DepartmentId == department).MaxAsync(p => (int?)p.Number, ct) ?? 0) + 1;
            var profile = UnitProfile.Create(department, number, form.ToDraft(added), user.DisplayName(), clock.GetUtcNow());
            db.UnitProfiles.Add(profile);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Another editor of the unit started a version with the same number at the same moment (unique index).
                return Refusal.Conflict(Changed);
            }
            audit.Record(user, AuditActions.UnitProfileCreate, profile.Id, $"新建机构概况草稿（第{number}版）");
            var published = await db.UnitProfiles.AsNoTracking().Include(p => p.Leaders)
                .FirstOrDefaultAsync(p => p.DepartmentId == department && p.State == ProfileState.Published, ct);
            RecordPhotoChanges(user, profile, published?.Leaders.Where(l => l.PhotoId is not null).ToList() ?? [], photos, form);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return (Outcome<int>)profile.Id;
        });
    }

    /// <summary>Writes (and fsyncs) each new photo and adds its row; answers the new photo's id for each leader row.</summary>
    private async Task<Dictionary<int, int>> StorePhotosAsync(int department, ProfileForm form, IReadOnlyList<LeaderPhotoUpload> photos, ClaimsPrincipal user, CancellationToken ct)
    {
        var rows = new Dictionary<int, LeaderPhoto>();
        foreach (var upload in photos.Where(p => p.Row < form.Leaders.Count && !form.Leaders[p.Row].IsEmpty))
        {
            using var content = new MemoryStream(upload.Photo.Content, writable: false);
            var (key, sha) = await storage.WriteAsync(PhotoFolder, content, upload.Photo.Extension, clock.GetUtcNow(), ct);
            var row = new LeaderPhoto(department, upload.Photo, key, sha, user.DisplayName(), clock.GetUtcNow());
            db.LeaderPhotos.Add(row);
            rows[upload.Row] = row;
        }
        if (rows.Count > 0) await db.SaveChangesAsync(ct);
        return rows.ToDictionary(r => r.Key, r => r.Value.Id);
    }

    /// <summary>The audit trail says which leader's photo was uploaded, replaced or removed, compared with the version before.</summary>
    private void RecordPhotoChanges(ClaimsPrincipal user, UnitProfile profile, IReadOnlyList<UnitLeader> before, IReadOnlyList<LeaderPhotoUpload> photos, ProfileForm form)
    {
        foreach (var upload in photos.Where(p => p.Row < form.Leaders.Count && !form.Leaders[p.Row].IsEmpty))
        {
            var l = form.Leaders[upload.Row];
            var p = upload.Photo;
            audit.Record(user, AuditActions.UnitProfileEdit, profile.Id,
                $"上传领导照片：{l.Name?.Trim()}（{(p.Format == PhotoFormat.Png ? "PNG" : "JPG")}，{p.Width}×{p.Height}，{p.Content.Length} 字节，已去除元数据）");
        }
        var now = profile.Leaders.Where(l => l.PhotoId is not null).Select(l => l.PhotoId!.Value).ToHashSet();
        foreach (var gone in before.Where(l => !now.Contains(l.PhotoId!.Value) && !photos.Any(p => form.Leaders[p.Row].PhotoId == l.PhotoId)))
            audit.Record(user, AuditActions.UnitProfileEdit, profile.Id, $"删除领导照片：{gone.Name}");
    }
}
