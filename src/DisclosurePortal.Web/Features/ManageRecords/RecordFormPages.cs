using DisclosurePortal.Domain.Catalogue;
using DisclosurePortal.Domain.Publishing;
using DisclosurePortal.Data;
using DisclosurePortal.Web.Features.Interpretations;
using DisclosurePortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Record = DisclosurePortal.Domain.Publishing.Record;

namespace DisclosurePortal.Web.Features.ManageRecords;

/// <summary>The record form's page (new and edit): the form as typed, the department's items, and an interpretation's policies and question rows.</summary>
public sealed class RecordFormPages(PortalDbContext db, MarkdownRenderer markdown, TimeProvider clock)
{
    /// <summary>
    /// A new form: the department as issuing organ (a village's, when the link asks for one of its items: the village
    /// publishes, its township's editor keeps it), today as 成文日期, and what the link asked for (an item, a kind, the policy to interpret).
    /// </summary>
    public async Task<RecordForm> NewFormAsync(int department, IReadOnlyList<int> units, int? itemId, RecordKind? kind, int? policy, CancellationToken ct)
    {
        var publisher = itemId is { } asked
            ? await db.CatalogueItems.Where(i => i.Id == asked && units.Contains(i.DepartmentId)).Select(i => (int?)i.DepartmentId).FirstOrDefaultAsync(ct) ?? department
            : department;
        var name = await db.Departments.Where(d => d.Id == publisher).Select(d => d.Name).SingleAsync(ct);
        var form = new RecordForm { CatalogueItemId = itemId, IssuingOrgan = name, WrittenOn = clock.Today() };
        if (kind is { } k && Enum.IsDefined(k)) form.Kind = k;
        // From the due list's "撰写解读": the interpretation of that policy, filed under the policy's item when it is ours.
        // From a policy draft's 三同步 link: the interpretation drafted with it (its own unit's, not yet published).
        if (policy is { } policyId && ((await InterpretationQueries.PoliciesAsync(db, [policyId], ct)).FirstOrDefault(p => p.IsPublished)
                ?? (await InterpretationQueries.UnpublishedPoliciesAsync(db, [department], [policyId], ct)).FirstOrDefault()) is { } chosen)
        {
            form.Kind = RecordKind.PolicyInterpretation;
            form.PolicyIds = [policyId];
            form.Title = InterpretationTitle(chosen.Title);
            form.CatalogueItemId ??= await (
                from r in db.Records
                join i in db.CatalogueItems on r.CatalogueItemId equals i.Id
                where r.Id == policyId && i.DepartmentId == department && i.Status == CatalogueItemStatus.Active
                select (int?)i.Id).FirstOrDefaultAsync(ct);
        }
        return form;
    }

    /// <summary>《…》政策解读 from a policy title such as 关于印发《…》的通知.</summary>
    private static string InterpretationTitle(string policyTitle)
    {
        var start = policyTitle.IndexOf('《', StringComparison.Ordinal);
        var end = policyTitle.IndexOf('》', StringComparison.Ordinal);
        var name = start >= 0 && end > start + 1 ? policyTitle[(start + 1)..end] : policyTitle;
        var title = $"《{name}》政策解读";
        return title.Length <= 300 ? title : title[..300];
    }

    /// <summary>A column an editor may file a new record in: one that exists and is not retired (nor under a retired one).</summary>
    public async Task<DisclosurePortal.Domain.Columns.DisclosureColumn?> OpenColumnAsync(int id, CancellationToken ct)
    {
        var all = await DisclosureColumns.ColumnQueries.AllAsync(db, ct);
        return DisclosureColumns.ColumnQueries.Nodes(all, includeRetired: false).Any(n => n.Id == id) ? all.Single(c => c.Id == id) : null;
    }

    public Task<CatalogueItem?> KeptActiveItemAsync(IReadOnlyList<int> units, int id, CancellationToken ct) =>
        db.CatalogueItems.FirstOrDefaultAsync(i => i.Id == id && units.Contains(i.DepartmentId) && i.Status == CatalogueItemStatus.Active, ct);

    /// <summary>
    /// Every chosen policy must be a policy (规章 or 行政规范性文件) published now, or one of the editor's own unit's not
    /// yet published (drafted or in review with this interpretation: 三同步).
    /// </summary>
    public async Task CheckPoliciesAsync(RecordForm form, int department, ModelStateDictionary modelState, CancellationToken ct)
    {
        var chosen = form.ChosenPolicyIds;
        if (chosen.Count == 0 || chosen.Count > PolicyInterpretations.MaxPolicies) return;
        var published = await db.PublishedVersions
            .CountAsync(v => chosen.Contains(v.RecordId) && PolicyInterpretations.PolicyKinds.Contains(v.Kind), ct);
        var drafts = (await InterpretationQueries.UnpublishedPoliciesAsync(db, [department], chosen, ct)).Count;
        if (published + drafts != chosen.Count)
            modelState.AddModelError(nameof(RecordForm.PolicyIds), "所选的政策文件须是已发布的规章或行政规范性文件，或本单位同步报送的政策文件草稿；已不再公开的请取消勾选。");
    }

    /// <summary>
    /// The page for <paramref name="form"/>. An interpretation's form gets the question rows to draw as its
    /// <see cref="RecordForm.Questions"/> (a moved row moves with what was typed into it, which the fields show first).
    /// </summary>
    /// <param name="department">The editor's own unit.</param>
    /// <param name="units">The units whose records the editor keeps (their own first, then a township's villages): a village's items are grouped under its name, choosing it as the publishing unit.</param>
    public async Task<RecordFormModel> ModelAsync(int department, IReadOnlyList<int> units, RecordForm form, ModelStateDictionary modelState, Record? record, string? returnReason, RecordVersion? current, CancellationToken ct)
    {
        // Grouped by 领域 · 环节 as the catalogue is (issue 18): a department's few dozen items are found by where they sit.
        var itemRows = await (
            from i in db.CatalogueItems.AsNoTracking()
            join d in db.Domains on i.DomainId equals d.Id
            join s in db.Stages on i.StageId equals s.Id
            join u in db.Departments on i.DepartmentId equals u.Id
            where units.Contains(i.DepartmentId) && (i.Status == CatalogueItemStatus.Active || (record != null && i.Id == record.CatalogueItemId))
            orderby d.SortOrder, s.SortOrder, i.SortOrder, i.Id
            select new { i.Id, i.NameLevel1, i.NameLevel2, i.DepartmentId, Unit = u.ShortName, DomainZh = d.NameZh, DomainEn = d.NameEn, StageZh = s.NameZh, StageEn = s.NameEn }).ToListAsync(ct);
        // The editor's own items first, then each village's, under its name (the publishing unit is the item's).
        var items = itemRows.OrderBy(i => IndexOf(units, i.DepartmentId)).Select(i => new ItemOption(i.Id, i.NameLevel1 + " · " + i.NameLevel2,
            (i.DepartmentId == department ? "" : i.Unit + " · ") + Localization.Pick(i.DomainZh, i.DomainEn) + " · " + Localization.Pick(i.StageZh, i.StageEn))).ToList();
        var preview = form.ShowsPreview ? markdown.Render(form.Body) : null;
        // 所属事件 (ADR 33): the events recorded on the event-driven items offered, newest first.
        var itemIds = record?.CatalogueItemId is { } fixedItem ? [fixedItem] : itemRows.Select(i => i.Id).ToList();
        var events = await (
            from e in db.ItemEvents.AsNoTracking()
            join i in db.CatalogueItems on e.CatalogueItemId equals i.Id
            where itemIds.Contains(e.CatalogueItemId)
            orderby e.OccurredOn descending, e.Id descending
            select new { e.Id, e.CatalogueItemId, e.OccurredOn, e.Description, i.NameLevel1, i.NameLevel2 }).Take(200).ToListAsync(ct);
        var itemKind = record?.CatalogueItemId is { } kept
            ? await db.CatalogueItems.Where(i => i.Id == kept).Select(i => (TimeLimitKind?)i.TimeLimit.Kind).FirstOrDefaultAsync(ct)
            : null;
        var model = new RecordFormModel(form, record?.Id, record?.IndexNumber, items, preview, returnReason, current)
        {
            Events = [.. events.Select(e => new EventOption(e.Id, e.CatalogueItemId, $"{e.OccurredOn:yyyy-MM-dd} {e.Description}", e.NameLevel1 + " · " + e.NameLevel2))],
            ItemKind = itemKind,
            Columns = await DisclosureColumns.ColumnQueries.TreeAsync(db, includeRetired: record?.ColumnId is not null, ct),
            KeepsVillages = units.Count > 1,
        };
        if (!form.IsInterpretation) return model;

        var chosen = form.ChosenPolicyIds.Take(PolicyInterpretations.MaxPolicies * 2).ToList(); // a tampered list is refused; it need not be drawn
        // The rows are redrawn as posted (errors are keyed by their index), then blank ones are added to write more.
        var rows = form.Questions.Take(PolicyInterpretations.MaxQuestions + 10).ToList();
        if (form.MovesRow is { } up && up < rows.Count)
        {
            (rows[up - 1], rows[up]) = (rows[up], rows[up - 1]);
            foreach (var field in new[] { nameof(QuestionField.Question), nameof(QuestionField.Answer) })
            {
                modelState.Remove($"{nameof(RecordForm.Questions)}[{up - 1}].{field}");
                modelState.Remove($"{nameof(RecordForm.Questions)}[{up}].{field}");
            }
        }
        while (rows.Count > 0 && rows[^1].IsBlank) rows.RemoveAt(rows.Count - 1); // blank rows carry no errors
        var blanks = form.Intent == "add-questions" ? 3 : Math.Max(1, 3 - rows.Count);
        if (rows.Count(r => !r.IsBlank) < PolicyInterpretations.MaxQuestions)
            rows.AddRange(Enumerable.Range(0, blanks).Select(_ => new QuestionField()));
        var found = form.PolicyQuery is { Length: > 100 } ? [] : await InterpretationQueries.FindPoliciesAsync(db, form.PolicyQuery, department, chosen, ct);
        // The unit's own policies not yet published come first when nothing is looked for (三同步: drafted together).
        if (string.IsNullOrWhiteSpace(form.PolicyQuery))
            found = [.. (await InterpretationQueries.UnpublishedPoliciesAsync(db, [department], [], ct)).Where(p => !chosen.Contains(p.RecordId)), .. found];
        form.Questions = rows;
        var chosenPublished = await InterpretationQueries.PoliciesAsync(db, chosen, ct);
        var chosenDrafts = chosen.Count == 0 ? [] : await InterpretationQueries.UnpublishedPoliciesAsync(db, [department], chosen, ct);
        return model with
        {
            ChosenPolicies = [.. chosen.Select(id => chosenPublished.FirstOrDefault(p => p.RecordId == id) ?? chosenDrafts.FirstOrDefault(p => p.RecordId == id)).OfType<PolicyOption>()],
            FoundPolicies = found,
        };
    }

    private static int IndexOf(IReadOnlyList<int> units, int unit)
    {
        for (var n = 0; n < units.Count; n++) if (units[n] == unit) return n;
        return units.Count;
    }

    /// <summary>
    /// 所属期间 / 所属事件 (ADR 33) against the record's item: a period only for an item published by period (and not
    /// after today), an event only one recorded on that item.
    /// </summary>
    public async Task CheckCoverageAsync(RecordForm form, CatalogueItem? item, ModelStateDictionary modelState, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(form.CoversPeriod))
        {
            if (form.CoversPeriodDay is not { } day) modelState.AddModelError(nameof(RecordForm.CoversPeriod), "所属期间应为该期间内的一个日期，例如 2026-10-01。");
            else if (item is null || !Domain.Expectations.ReportingPeriod.IsPeriodic(item.TimeLimit.Kind))
                modelState.AddModelError(nameof(RecordForm.CoversPeriod), "所选公开事项不按月、季度或年度公开，请清空所属期间。");
            else if (day > clock.Today()) modelState.AddModelError(nameof(RecordForm.CoversPeriod), "所属期间不能晚于今天。");
        }
        if (form.CoversEventId is { } eventId)
        {
            if (item is null || item.TimeLimit.Kind != TimeLimitKind.DaysAfterCompletion)
                modelState.AddModelError(nameof(RecordForm.CoversEventId), "所选公开事项不按事件公开，请不选所属事件。");
            else if (!await db.ItemEvents.AnyAsync(e => e.Id == eventId && e.CatalogueItemId == item.Id, ct))
                modelState.AddModelError(nameof(RecordForm.CoversEventId), "所选事件不属于该公开事项，请重新选择。");
        }
    }

    /// <summary>Keeps the record's 所属期间 or 所属事件 as the form says (none: the period is inferred from its publication).</summary>
    public static async Task SaveCoverageAsync(PortalDbContext db, int recordId, RecordForm form, CatalogueItem? item, CancellationToken ct)
    {
        var existing = await db.RecordCoverages.FirstOrDefaultAsync(c => c.RecordId == recordId, ct);
        Domain.Expectations.RecordCoverage? wanted = null;
        if (item is not null && form.CoversPeriodDay is { } day && Domain.Expectations.ReportingPeriod.IsPeriodic(item.TimeLimit.Kind))
            wanted = Domain.Expectations.RecordCoverage.ForPeriod(recordId, Domain.Expectations.ReportingPeriod.Of(item.TimeLimit.Kind, day));
        else if (item is not null && form.CoversEventId is { } eventId && item.TimeLimit.Kind == TimeLimitKind.DaysAfterCompletion)
            wanted = Domain.Expectations.RecordCoverage.ForEvent(recordId, eventId);
        if (existing is not null && wanted is not null && existing.PeriodStart == wanted.PeriodStart && existing.ItemEventId == wanted.ItemEventId) return;
        if (existing is not null)
        {
            db.RecordCoverages.Remove(existing);
            await db.SaveChangesAsync(ct);
        }
        if (wanted is not null) db.RecordCoverages.Add(wanted);
    }

    /// <summary>The version's links to the policies it interprets (kept where unchanged) and its questions (replaced).</summary>
    public static async Task SaveInterpretationPartsAsync(PortalDbContext db, Record record, RecordVersion version, RecordForm form, DateTimeOffset now, CancellationToken ct)
    {
        var chosen = form.ChosenPolicyIds;
        var existing = await db.InterpretationLinks.Where(l => l.RecordVersionId == version.Id).ToListAsync(ct);
        db.InterpretationLinks.RemoveRange(existing.Where(l => !chosen.Contains(l.PolicyRecordId)));
        foreach (var policyId in chosen.Where(p => existing.All(l => l.PolicyRecordId != p)))
            db.InterpretationLinks.Add(new InterpretationLink(record.Id, version.Id, policyId, now));

        await db.InterpretationQuestions.Where(q => q.RecordVersionId == version.Id).ExecuteDeleteAsync(ct);
        if (version.InterpretationForm == InterpretationForm.QuestionsAndAnswers)
            db.InterpretationQuestions.AddRange(form.FilledQuestions.Select((q, i) => new InterpretationQuestion(version.Id, i + 1, q.Question!, q.Answer!)));
    }
}
