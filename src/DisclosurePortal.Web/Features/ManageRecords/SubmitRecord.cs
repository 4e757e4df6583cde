using DisclosurePortal.Domain.Auditing;
using System.Security.Claims;
using DisclosurePortal.Domain.Publishing;
using DisclosurePortal.Data;
using DisclosurePortal.Web.Features.Interpretations;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.ManageRecords;

/// <summary>提交审核 of the draft as it was when the page was opened (its concurrency <c>version</c>).</summary>
public sealed record SubmitRecord(int Id, int Version)
{
    /// <summary>The names the record page's submit form posts (the action binds them by these names).</summary>
    public static class Fields
    {
        public const string Version = "version";
    }
}

/// <summary>
/// 提交审核. On the first submission the record gets its 索引号: the next serial of the department's organisation
/// code in the current year, taken atomically (<see cref="IndexNumberSerials"/>), so simultaneous submissions queue
/// on the counter instead of racing. A submission that still conflicts (the draft changed under it) is retried on
/// fresh data a few times, then refused with a 409 and the draft unchanged — never a 500. Answers the index number.
/// </summary>
public sealed class SubmitRecordHandler(PortalDbContext db, AuditTrail audit, TimeProvider clock, ILogger<SubmitRecordHandler> logger)
{
    private const int Attempts = 5;

    public async Task<Outcome<string>> HandleAsync(SubmitRecord command, ClaimsPrincipal user, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return (await Outcome.Try(() => AttemptAsync(command, user, ct))).RefusedAsConflict();
            }
            catch (DbUpdateException ex) when (attempt >= Attempts)
            {
                // Nothing was saved (the transaction rolled back); the draft is as the editor left it.
                logger.LogWarning(ex, "Submission of record {RecordId} failed {Attempts} times", command.Id, attempt);
                return Refusal.Conflict("提交时与其他操作冲突，未能提交，草稿没有变化。请稍后再提交一次。");
            }
            catch (DbUpdateException ex)
            {
                logger.LogInformation(ex, "Submission of record {RecordId} conflicted with another change; retrying ({Attempt})", command.Id, attempt);
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<Outcome<string>> AttemptAsync(SubmitRecord command, ClaimsPrincipal user, CancellationToken ct)
    {
        var (record, latest) = await ManageRecordsQueries.OwnLatestAsync(db, user, command.Id, ct);
        if (record is null || latest is null) return Refusal.NotFound("没有找到该信息。");
        if (latest.Version != command.Version) return Refusal.Conflict("该信息已被他人修改，请查看最新内容后再提交。");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow();
        if (record.Kind == RecordKind.PolicyInterpretation)
            PolicyInterpretations.EnsureNamesAPublishedPolicy(await InterpretationQueries.PublishedPolicyCountAsync(db, latest.Id, ct));
        latest.Submit(now);
        if (record.IndexNumber is null)
        {
            var organisation = await db.Departments.Where(d => d.Id == record.DepartmentId).Select(d => d.OrganisationCode).SingleAsync(ct);
            var year = clock.Today().Year;
            record.AssignIndexNumber(new IndexNumber(organisation, year, await IndexNumberSerials.NextAsync(db, organisation, year, ct)));
        }
        audit.Record(user, AuditActions.RecordSubmit, record.Id, $"草稿 → 待审核（第{latest.Number}版，索引号 {record.IndexNumber}）");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return record.IndexNumber ?? "";
    }
}
