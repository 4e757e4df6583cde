using System.Security.Claims;
using DisclosurePortal.Data;
using DisclosurePortal.Domain.Auditing;
using DisclosurePortal.Domain.Publishing;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure;
using DisclosurePortal.Web.Infrastructure.Security;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.AdminReviewChain;

/// <summary>The county's review chain as the administrator sets it (issue 21 §6).</summary>
[RedrawnWithModelState]
public sealed class ReviewChainForm
{
    public bool Confidentiality { get; set; }
    public bool Legality { get; set; }
    public bool DisclosureAttribute { get; set; }
    public bool DistinctReviewers { get; set; }

    /// <summary>The record kinds needing 领导审签.</summary>
    public List<RecordKind> LeaderKinds { get; set; } = [];

    /// <summary>The chain's version when the form was opened (0: the default, never saved).</summary>
    public int Version { get; set; }

    public static ReviewChainForm Of(ReviewChain chain) => new()
    {
        Confidentiality = chain.Confidentiality,
        Legality = chain.Legality,
        DisclosureAttribute = chain.DisclosureAttribute,
        DistinctReviewers = chain.DistinctReviewers,
        LeaderKinds = chain.LeaderKinds.Order().ToList(),
        Version = chain.Version,
    };

    public ReviewChainSettings ToSettings() => new(Confidentiality, Legality, DisclosureAttribute, DistinctReviewers, LeaderKinds.ToHashSet());
}

public sealed class ReviewChainFormValidator : AbstractValidator<ReviewChainForm>
{
    public ReviewChainFormValidator()
    {
        RuleFor(f => f.Confidentiality)
            .Must((f, _) => f.Confidentiality || f.Legality || f.DisclosureAttribute)
            .WithMessage("至少须设置一项审查：信息发布前须经审查。");
        RuleFor(f => f.LeaderKinds)
            .Must(kinds => kinds.All(Enum.IsDefined))
            .WithMessage("信息类别无效。");
    }
}

/// <summary>Saves the county's review chain; the audit event names what changed. A newer save by someone else is refused (409).</summary>
public sealed class SaveReviewChainHandler(PortalDbContext db, AuditTrail audit, TimeProvider clock)
{
    public const string Stale = "审查流程已被其他管理员修改。您选择的内容仍在下方，请核对后重新保存。";

    public async Task<Outcome<int>> HandleAsync(ReviewChainForm form, ClaimsPrincipal admin, CancellationToken ct)
    {
        var chain = await db.ReviewChains.FirstOrDefaultAsync(ct);
        if ((chain?.Version ?? 0) != form.Version) return Refusal.Conflict(Stale);
        var saved = Outcome.Try(() =>
        {
            if (chain is null)
            {
                chain = ReviewChain.Default();
                db.ReviewChains.Add(chain);
            }
            var changes = chain.Change(form.ToSettings(), admin.DisplayName(), clock.GetUtcNow(), Labels.Of);
            audit.Record(admin, AuditActions.ReviewChainUpdate, ReviewChain.SingletonId,
                changes.Count == 0 ? "保存审查流程（未改动）" : $"修改审查流程：{string.Join("；", changes)}");
            return (Outcome<int>)changes.Count;
        });
        if (!saved.Done) return saved;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Refusal.Conflict(Stale);
        }
        return saved;
    }
}
