using DisclosurePortal.Domain.Publishing;
using DisclosurePortal.Data;
using DisclosurePortal.Web.Features.Home;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure;
using DisclosurePortal.Web.Infrastructure.Caching;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.Records;

public sealed class RecordsController(PortalDbContext db, MarkdownRenderer markdown) : PortalController
{
    /// <summary>A record as the public sees it: only its published version, with the standard metadata block.</summary>
    [HttpGet("/records/{id:int}")]
    [PublicPage(PublicPage.Record)]
    public async Task<IActionResult> Show(int id, RecordPageQuery query, CancellationToken ct)
    {
        var row = await (
            from v in db.PublishedVersions.AsNoTracking()
            join r in db.Records on v.RecordId equals r.Id
            // A record filed in a column only has no item, domain or stage (issue 20 §3): left joins.
            join i0 in db.CatalogueItems on v.CatalogueItemId equals i0.Id into items
            from i in items.DefaultIfEmpty()
            join dom0 in db.Domains on v.DomainId equals dom0.Id into domains
            from dom in domains.DefaultIfEmpty()
            join s0 in db.Stages on v.StageId equals s0.Id into stages
            from s in stages.DefaultIfEmpty()
            join d in db.Departments on v.DepartmentId equals d.Id
            where v.RecordId == id
            select new { Version = v, r.IndexNumber, ItemName1 = i == null ? null : i.NameLevel1, ItemName2 = i == null ? null : i.NameLevel2, Domain = dom, Stage = s, DepartmentId = d.Id, DepartmentName = d.Name })
            .FirstOrDefaultAsync(ct);
        if (row is null) return NotFoundPage("没有找到该信息，可能尚未发布或已被撤回。");

        var attachments = await db.Attachments.AsNoTracking().Where(a => a.RecordVersionId == row.Version.Id)
            .OrderBy(a => a.Id).Select(a => new AttachmentLink(a.Id, a.FileName, a.SizeBytes)).ToListAsync(ct);
        // 政策解读 ↔ policy: only published versions on either side, and only the links of the published interpretation.
        IReadOnlyList<RelatedRecord> interpretations = [], policies = [];
        IReadOnlyList<QuestionAnswer> questions = [];
        if (PolicyInterpretations.IsPolicy(row.Version.Kind))
        {
            interpretations = await (
                from l in db.InterpretationLinks
                join v in db.PublishedVersions on l.RecordVersionId equals v.Id
                where l.PolicyRecordId == id
                orderby v.PublishedOn, v.Id
                select new RelatedRecord(v.RecordId, v.Title, v.PublishedOn!.Value, v.InterpretationForm)).ToListAsync(ct);
        }
        if (row.Version.Kind == RecordKind.PolicyInterpretation)
        {
            policies = await (
                from l in db.InterpretationLinks
                join v in db.PublishedVersions on l.PolicyRecordId equals v.RecordId
                where l.RecordVersionId == row.Version.Id
                orderby v.PublishedOn, v.Id
                select new RelatedRecord(v.RecordId, v.Title, v.PublishedOn!.Value, null)).ToListAsync(ct);
            if (row.Version.InterpretationForm == InterpretationForm.QuestionsAndAnswers)
                questions = await db.InterpretationQuestions.AsNoTracking().Where(q => q.RecordVersionId == row.Version.Id).OrderBy(q => q.Position)
                    .Select(q => new QuestionAnswer(q.Position, q.Question, q.Answer)).ToListAsync(ct);
        }

        return View(new RecordModel(
            row.Version, row.IndexNumber ?? "—", row.Version.CatalogueItemId, row.ItemName1 is null ? null : $"{row.ItemName1} · {row.ItemName2}",
            row.Domain is null ? null : new DomainTile(row.Domain.Code, row.Domain.NameZh, row.Domain.NameEn, 0),
            row.Stage is null ? null : new StageLink(row.Stage.Code, row.Stage.NameZh, row.Stage.NameEn),
            row.DepartmentId, row.DepartmentName,
            markdown.Render(row.Version.Body), attachments, interpretations, policies)
        {
            Questions = questions,
            Rated = query.Rated,
            ColumnPath = row.Version.ColumnId is { } column ? await DisclosureColumns.ColumnQueries.PathAsync(db, column, ct) : [],
            Cleanup = PolicyInterpretations.IsPolicy(row.Version.Kind) && row.Version.Validity != Validity.Valid
                ? await PolicyCleanups.PolicyCleanupQueries.NoteForRecordAsync(db, id, ct) : null,
        });
    }
}

public sealed record AttachmentLink(int Id, string FileName, long SizeBytes);

public sealed record RelatedRecord(int RecordId, string Title, DateOnly PublishedOn, InterpretationForm? Form);

public sealed record RecordModel(
    RecordVersion Version, string IndexNumber, int? ItemId, string? ItemName, DomainTile? Domain, StageLink? Stage,
    int DepartmentId, string DepartmentName, IHtmlContent BodyHtml, IReadOnlyList<AttachmentLink> Attachments,
    IReadOnlyList<RelatedRecord> Interpretations, IReadOnlyList<RelatedRecord> Policies)
{
    /// <summary>政策问答: the published version's questions and answers, in order.</summary>
    public IReadOnlyList<QuestionAnswer> Questions { get; init; } = [];

    /// <summary>栏目: the column the record is listed in, from the top of the tree down (empty when it has none).</summary>
    public IReadOnlyList<DisclosureColumns.ColumnCrumb> ColumnPath { get; init; } = [];

    /// <summary>After a 评议 (the redirect's ?rated=1): the thank-you, the same for every visitor, so the page stays cacheable.</summary>
    public bool Rated { get; init; }

    /// <summary>规范性文件清理: the published clean-up that last changed this policy's validity, if any.</summary>
    public PolicyCleanups.CleanupNote? Cleanup { get; init; }
}

public sealed record QuestionAnswer(int Position, string Question, string Answer)
{
    /// <summary>The answer's paragraphs: the editor's line breaks, blank lines dropped.</summary>
    public IEnumerable<string> Paragraphs => Answer.Split('\n').Select(p => p.Trim()).Where(p => p.Length > 0);
}

/// <summary>?rated=1: the record page after its 评议 form was posted (Features/Ratings); anything else is no thank-you.</summary>
public sealed record RecordPageQuery(bool Rated) : IQueryFilter<RecordPageQuery>
{
    public static class Keys
    {
        public const string Rated = "rated";
    }

    public static RecordPageQuery Read(QueryReader query) => new(query.Text(Keys.Rated) == "1");
}
