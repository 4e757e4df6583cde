using DisclosurePortal.Domain.Auditing;
using System.Security.Claims;
using DisclosurePortal.Domain.Catalogue;
using DisclosurePortal.Domain.Publishing;
using DisclosurePortal.Data;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure;
using DisclosurePortal.Web.Infrastructure.Security;
using Record = DisclosurePortal.Domain.Publishing.Record;

namespace DisclosurePortal.Web.Features.ManageRecords;

/// <summary>
/// 新建草稿: the record under one of the department's active items, its first version, and an interpretation's
/// policies and questions, and the files chosen on the form (attachments, a Word body's pictures), in one transaction.
/// The input is <see cref="RecordForm"/> (validated while binding).
/// </summary>
public sealed class CreateRecordHandler(PortalDbContext db, AuditTrail audit, TimeProvider clock, RecordFilesHandler files)
{
    /// <param name="department">The editor's department (an item, when given, is one of its own).</param>
    public async Task<Outcome<Record>> HandleAsync(RecordForm form, int department, CatalogueItem? item, int? columnId, ClaimsPrincipal user, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var created = Outcome.Try<Record>(() => Record.Create(item?.DepartmentId ?? department, item?.Id, item?.DomainId, item?.StageId, form.Kind!.Value, now, columnId));
        if (created.Refusal is { } nowhere) return nowhere;
        var record = created.Value!;
        db.Records.Add(record);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        var version = RecordVersion.CreateDraft(record, 1, form.ToMetadata(), user.DisplayName(), now);
        db.RecordVersions.Add(version);
        audit.Record(user, AuditActions.RecordCreate, record.Id, $"新建草稿：{version.Title}");
        await db.SaveChangesAsync(ct);
        if (record.Kind == RecordKind.PolicyInterpretation)
        {
            await RecordFormPages.SaveInterpretationPartsAsync(db, record, version, form, now, ct);
            await db.SaveChangesAsync(ct);
        }
        await RecordFormPages.SaveCoverageAsync(db, record.Id, form, item, ct);
        if (await files.CommitAsync(record.Id, version, form.Pending, user, ct) is { } refused) return refused;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        files.Discard(user, form.Pending);
        return record;
    }
}
