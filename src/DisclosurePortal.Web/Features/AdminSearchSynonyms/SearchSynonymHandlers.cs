using System.Security.Claims;
using DisclosurePortal.Data;
using DisclosurePortal.Domain.Auditing;
using DisclosurePortal.Domain.Search;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure;
using DisclosurePortal.Web.Infrastructure.Search;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.AdminSearchSynonyms;

/// <summary>A group to add: its words as typed, separated by spaces, commas or 顿号.</summary>
public sealed class SynonymGroupForm
{
    public string? Words { get; set; }
}

public sealed class SynonymGroupFormValidator : AbstractValidator<SynonymGroupForm>
{
    public SynonymGroupFormValidator()
    {
        RuleFor(x => x.Words).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("请填写同义词，词与词之间用空格或逗号分开。")
            .MaximumLength(SynonymGroup.MaxTermsLength * 2).WithMessage("一组同义词最多 10 个，每个词不超过 20 个字。")
            .Must(w => SynonymGroup.Problem(SynonymGroup.Parse(w)) is null)
            .WithMessage(x => SynonymGroup.Problem(SynonymGroup.Parse(x.Words)) ?? string.Empty);
    }
}

/// <summary>添加同义词组: searches for any of its words then find the others too (within a minute on every node).</summary>
public sealed class AddSynonymGroupHandler(PortalDbContext db, AuditTrail audit, TimeProvider clock, SearchSynonymsCache cache)
{
    public async Task<Outcome<int>> HandleAsync(SynonymGroupForm form, ClaimsPrincipal user, CancellationToken ct)
    {
        var words = SynonymGroup.Parse(form.Words);
        var existing = await db.SearchSynonyms.AsNoTracking().Select(g => g.Terms).ToListAsync(ct);
        var known = Synonyms.FromTerms(existing);
        if (words.FirstOrDefault(known.Knows) is { } taken)
            return Refusal.Conflict($"“{taken}”已在另一组同义词中。一个词只能属于一组：请先删除那一组，或把新词并入那一组。");
        return await Outcome.Try(async () =>
        {
            var group = new SynonymGroup(words, clock.GetUtcNow(), user.DisplayName());
            db.SearchSynonyms.Add(group);
            await db.SaveChangesAsync(ct);
            audit.Record(user, AuditActions.SearchSynonymAdd, group.Id, group.Terms);
            await db.SaveChangesAsync(ct);
            cache.Forget();
            return (Outcome<int>)group.Id;
        });
    }
}

/// <summary>删除同义词组.</summary>
public sealed class RemoveSynonymGroupHandler(PortalDbContext db, AuditTrail audit, SearchSynonymsCache cache)
{
    public async Task<Outcome<string>> HandleAsync(int id, ClaimsPrincipal user, CancellationToken ct)
    {
        var group = await db.SearchSynonyms.FirstOrDefaultAsync(g => g.Id == id, ct);
        if (group is null) return Refusal.NotFound("没有找到该组同义词。");
        db.SearchSynonyms.Remove(group);
        audit.Record(user, AuditActions.SearchSynonymRemove, id, group.Terms);
        await db.SaveChangesAsync(ct);
        cache.Forget();
        return group.Terms;
    }
}
