using System.Security.Claims;
using DisclosurePortal.Data;
using DisclosurePortal.Domain.Auditing;
using DisclosurePortal.Domain.Reporting;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.QuarterlyReports;

/// <summary>通报意见 as the office writes it: Markdown or plain paragraphs (ADR 24), against the version the page was drawn from.</summary>
public sealed class BulletinCommentForm
{
    public int Version { get; set; }

    [MultiLine]
    public string? Comment { get; set; }
}

public sealed class BulletinCommentFormValidator : AbstractValidator<BulletinCommentForm>
{
    public BulletinCommentFormValidator()
    {
        RuleFor(f => f.Comment).Cascade(CascadeMode.Stop)
            .Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage("请填写通报意见。")
            .Must(v => v!.Trim().Length <= QuarterlyBulletin.CommentMaxLength).WithMessage("通报意见不能超过 20000 个字。")
            // ADR 24: nesting Markdig cannot render, or an image pointing into the portal, is refused at save time.
            .Custom((v, context) =>
            {
                if (MarkdownRenderer.BodyProblem(v, []) is { } problem) context.AddFailure(problem);
            });
    }
}

/// <summary>保存通报意见: only on an edition frozen and not yet published.</summary>
public sealed class WriteBulletinCommentHandler(PortalDbContext db, AuditTrail audit, TimeProvider clock)
{
    public async Task<Outcome<QuarterlyBulletin>> HandleAsync(Quarter q, BulletinCommentForm form, ClaimsPrincipal user, CancellationToken ct)
    {
        if (await BulletinQueries.LatestAsync(db, q, tracked: true, ct) is not { } bulletin) return new Refusal("请先冻结本季度通报数据，再填写通报意见。");
        // Checked here, not only by the concurrency token: a save that fails on the token after its audit event was chained
        // leaves the audit interceptor's state behind on a pooled context (EF reports it apart from other failures).
        if (bulletin.Version != form.Version) return Refusal.Conflict("本季度通报已被他人修改，请刷新后重新操作。");
        db.Entry(bulletin).Property(b => b.Version).OriginalValue = form.Version;
        try
        {
            return await Outcome.Try(async () =>
            {
                bulletin.WriteComment(form.Comment, user.UserId() ?? string.Empty, user.DisplayName(), clock.GetUtcNow());
                audit.Record(user, AuditActions.QuarterlyBulletinComment, BulletinFields.AuditKey(q), $"{BulletinFields.Title(q)}按季通报第{bulletin.Edition}版");
                await db.SaveChangesAsync(ct);
                return (Outcome<QuarterlyBulletin>)bulletin;
            });
        }
        catch (DbUpdateConcurrencyException)
        {
            return Refusal.Conflict("本季度通报已被他人修改，请刷新后重新操作。");
        }
    }
}
