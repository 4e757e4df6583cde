using DisclosurePortal.Domain.Calendar;
using DisclosurePortal.Domain.Consultations;
using DisclosurePortal.Data;
using DisclosurePortal.Data.Security;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using System.Security.Claims;
using Consultation = DisclosurePortal.Domain.Consultations.Consultation;

namespace DisclosurePortal.Web.Features.Consultations;

/// <summary>The reads of consultations used by more than one page (public, staff, review queue, /office, catalogue).</summary>
public static class ConsultationQueries
{
    public const int PageSize = 20;

    /// <summary>Consultations the public may see: approved (from their start date) or with feedback published.</summary>
    public static IQueryable<Consultation> Public(PortalDbContext db, DateOnly today) =>
        db.Consultations.AsNoTracking().Where(c =>
            (c.State == ConsultationState.Approved && c.StartsOn <= today) || c.State == ConsultationState.FeedbackPublished);

    public static IQueryable<ConsultationRow> Rows(PortalDbContext db, IQueryable<Consultation> source, DateOnly today) =>
        from c in source
        join d in db.Departments on c.DepartmentId equals d.Id
        join dom in db.Domains on c.DomainId equals dom.Id
        select new ConsultationRow(c.Id, c.Title, d.Name, dom.NameZh, dom.NameEn, c.StartsOn, c.EndsOn,
            c.State == ConsultationState.FeedbackPublished ? ConsultationPhase.FeedbackPublished
            : c.EndsOn < today ? ConsultationPhase.Closed : ConsultationPhase.Open,
            0);

    public static async Task<(IReadOnlyList<ConsultationRow> Rows, PageInfo Page)> ListAsync(PortalDbContext db, ConsultationListFilter filter, DateOnly today, CancellationToken ct)
    {
        var source = Public(db, today);
        source = filter.State switch
        {
            PublicFilterState.Open => source.Where(c => c.State == ConsultationState.Approved && c.EndsOn >= today),
            PublicFilterState.Closed => source.Where(c => c.State == ConsultationState.Approved && c.EndsOn < today),
            PublicFilterState.Feedback => source.Where(c => c.State == ConsultationState.FeedbackPublished),
            _ => source,
        };
        if (filter.Domain is { } code) source = source.Where(c => db.Domains.Any(d => d.Id == c.DomainId && d.Code == code));
        var info = new PageInfo(filter.Page, PageSize, await source.CountAsync(ct));
        var rows = await Rows(db, source.OrderByDescending(c => c.StartsOn).ThenByDescending(c => c.Id).Skip(info.Skip).Take(PageSize), today).ToListAsync(ct);
        return (rows.Select(r => r with { DaysLeft = r.Phase == ConsultationPhase.Open ? ConsultationRules.DaysLeft(r.EndsOn, today) : 0 }).ToList(), info);
    }

    /// <summary>A domain's open and closed consultations, for its 决策 stage (the latest ten of each).</summary>
    public static async Task<DomainConsultations> ForDomainAsync(PortalDbContext db, int domainId, DateOnly today, CancellationToken ct)
    {
        var rows = await Rows(db, Public(db, today).Where(c => c.DomainId == domainId).OrderByDescending(c => c.StartsOn).ThenByDescending(c => c.Id).Take(20), today).ToListAsync(ct);
        return new DomainConsultations(
            rows.Where(r => r.Phase == ConsultationPhase.Open).Select(r => r with { DaysLeft = ConsultationRules.DaysLeft(r.EndsOn, today) }).Take(10).ToList(),
            rows.Where(r => r.Phase != ConsultationPhase.Open).Take(10).ToList());
    }

    public static async Task<IReadOnlyList<QuestionView>> QuestionsAsync(PortalDbContext db, int consultationId, CancellationToken ct) =>
        await db.ConsultationQuestions.AsNoTracking().Where(q => q.ConsultationId == consultationId).OrderBy(q => q.Position)
            .Select(q => new QuestionView(q.Id, q.Position, q.Text, q.Kind, q.Options)).ToListAsync(ct);

    /// <summary>The page as the public sees it (also the top of the staff page); null when there is no such consultation.</summary>
    public static async Task<ConsultationPageModel?> PageAsync(PortalDbContext db, MarkdownRenderer markdown, Consultation c, DateOnly today, CancellationToken ct)
    {
        var department = await db.Departments.AsNoTracking().Where(d => d.Id == c.DepartmentId).Select(d => d.Name).FirstAsync(ct);
        var domain = await db.Domains.AsNoTracking().FirstAsync(d => d.Id == c.DomainId, ct);
        var questions = await QuestionsAsync(db, c.Id, ct);
        var comments = await db.ConsultationComments.AsNoTracking()
            .Where(x => x.ConsultationId == c.Id && x.Moderation == ModerationState.Accepted && x.MayPublish)
            .OrderBy(x => x.ReceivedOn).ThenBy(x => x.Id).Take(200)
            .Select(x => new PublishedComment(x.Id, x.PublicName, x.Channel, x.ReceivedOn, x.Body)).ToListAsync(ct);
        FeedbackView? feedback = null;
        if (c.State == ConsultationState.FeedbackPublished)
            feedback = new FeedbackView(c.FeedbackPublishedOn!.Value, c.ReceivedCount ?? 0, c.AdoptedCount ?? 0, c.AdoptedReason, c.PartlyAdoptedCount ?? 0, c.PartlyAdoptedReason,
                c.NotAdoptedCount ?? 0, c.NotAdoptedReason, await ResultsAsync(db, c.Id, ct));
        DecisionLink? decision = null;
        if (c.DecisionRecordId is { } recordId)
            decision = await db.PublishedVersions.AsNoTracking().Where(v => v.RecordId == recordId).Select(v => new DecisionLink(v.RecordId, v.Title)).FirstOrDefaultAsync(ct);
        var attachments = await db.ConsultationAttachments.AsNoTracking().Where(a => a.ConsultationId == c.Id).OrderBy(a => a.Id)
            .Select(a => new ConsultationAttachmentView(a.Id, a.FileName, a.SizeBytes)).ToListAsync(ct);
        var phase = c.PhaseOn(today);
        return new ConsultationPageModel(c.Id, c.Title, department, domain.Code, domain.NameZh, domain.NameEn,
            markdown.Render(c.DraftBody), markdown.Render(c.DraftingExplanation), c.StartsOn, c.EndsOn, c.PeriodDays, c.ShortPeriodReason,
            phase, phase == ConsultationPhase.Open ? ConsultationRules.DaysLeft(c.EndsOn, today) : 0,
            c.AcceptsOnline, c.Email, c.PostalAddress, questions, comments, feedback, decision, attachments);
    }

    /// <summary>The questionnaire's results over accepted opinions.</summary>
    public static async Task<IReadOnlyList<QuestionResult>> ResultsAsync(PortalDbContext db, int consultationId, CancellationToken ct)
    {
        var questions = await db.ConsultationQuestions.AsNoTracking().Where(q => q.ConsultationId == consultationId).ToListAsync(ct);
        var answers = await (
            from a in db.ConsultationAnswers
            join x in db.ConsultationComments on a.CommentId equals x.Id
            where x.ConsultationId == consultationId && x.Moderation == ModerationState.Accepted
            select new { a.CommentId, a.QuestionId, a.Option }).AsNoTracking().ToListAsync(ct);
        return QuestionnaireResults.Tally(questions, answers.Select(a => (a.CommentId, a.QuestionId, a.Option)).ToList());
    }

    /// <summary>The consultation if the user may see its staff page: an editor of its department, or a reviewer. Others: null (404, ADR 6).</summary>
    public static async Task<Consultation?> StaffVisibleAsync(PortalDbContext db, ClaimsPrincipal user, int id, bool tracking, CancellationToken ct)
    {
        var query = tracking ? db.Consultations : db.Consultations.AsNoTracking();
        var c = await query.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null) return null;
        return user.EditsFor(c.DepartmentId) || user.IsInRole(Roles.Reviewer) ? c : null;
    }

    /// <summary>The consultation if the user edits for its department; others (reviewers included) get null.</summary>
    public static async Task<Consultation?> OwnAsync(PortalDbContext db, ClaimsPrincipal user, int id, CancellationToken ct)
    {
        var c = await db.Consultations.FirstOrDefaultAsync(x => x.Id == id, ct);
        return c is not null && user.EditsFor(c.DepartmentId) ? c : null;
    }

    public static async Task<IReadOnlyList<PendingConsultation>> PendingReviewAsync(PortalDbContext db, CancellationToken ct) =>
        await (from c in db.Consultations.AsNoTracking()
               join d in db.Departments on c.DepartmentId equals d.Id
               where c.State == ConsultationState.Submitted
               orderby c.Id
               select new PendingConsultation(c.Id, c.Title, d.Name, c.StartsOn, c.EndsOn, c.UpdatedAt)).Take(100).ToListAsync(ct);

    /// <summary>
    /// Consultations whose 采纳情况 is overdue: closed, not fed back, past the N-th working day after closing. The date
    /// filter in SQL is a lower bound (N calendar days); the calendar decides.
    /// </summary>
    public static async Task<IReadOnlyList<OverdueFeedback>> OverdueFeedbackAsync(PortalDbContext db, WorkingCalendar calendar, ConsultationSettings settings, DateOnly today, CancellationToken ct)
    {
        var latest = today.AddDays(-settings.FeedbackWorkingDays);
        var candidates = await (from c in db.Consultations.AsNoTracking()
                                join d in db.Departments on c.DepartmentId equals d.Id
                                where c.State == ConsultationState.Approved && c.EndsOn < latest
                                orderby c.EndsOn
                                select new { c.Id, c.Title, d.Name, c.EndsOn }).Take(200).ToListAsync(ct);
        return candidates
            .Select(c => new OverdueFeedback(c.Id, c.Title, c.Name, c.EndsOn, ConsultationRules.FeedbackDueOn(c.EndsOn, calendar, settings.FeedbackWorkingDays)))
            .Where(c => c.DueOn < today).ToList();
    }
}
