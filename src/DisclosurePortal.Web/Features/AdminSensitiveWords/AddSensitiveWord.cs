using System.Security.Claims;
using DisclosurePortal.Data;
using DisclosurePortal.Domain.Auditing;
using DisclosurePortal.Domain.Participation;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.AdminSensitiveWords;

/// <summary>A word to add to the 敏感词 list.</summary>
public sealed class SensitiveWordForm
{
    public string? Word { get; set; }
}

public sealed class SensitiveWordFormValidator : AbstractValidator<SensitiveWordForm>
{
    public SensitiveWordFormValidator()
    {
        RuleFor(x => x.Word).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("请填写敏感词。")
            .MaximumLength(SensitiveWords.MaxWordLength).WithMessage("敏感词不能超过50个字。")
            .Must(w => SensitiveWords.Fold(w!).Length > 0).WithMessage("敏感词应含有文字或数字。");
    }
}

/// <summary>添加敏感词: a message or comment containing it is then held for moderation (not refused).</summary>
public sealed class AddSensitiveWordHandler(PortalDbContext db, AuditTrail audit, TimeProvider clock)
{
    public async Task<Outcome<int>> HandleAsync(SensitiveWordForm form, ClaimsPrincipal user, CancellationToken ct)
    {
        var word = form.Word!.Trim();
        var folded = SensitiveWords.Fold(word);
        var existing = await db.SensitiveWords.AsNoTracking().Select(w => w.Word).ToListAsync(ct);
        if (existing.Any(w => SensitiveWords.Fold(w) == folded)) return Refusal.Conflict("该词已在敏感词列表中（比较时不区分大小写，忽略空格和标点）。");
        return await Outcome.Try(async () =>
        {
            var entity = new SensitiveWord(word, clock.GetUtcNow(), user.DisplayName());
            db.SensitiveWords.Add(entity);
            await db.SaveChangesAsync(ct);
            audit.Record(user, AuditActions.SensitiveWordAdd, entity.Id, word);
            await db.SaveChangesAsync(ct);
            return (Outcome<int>)entity.Id;
        });
    }
}

/// <summary>删除敏感词: messages already held stay held until the office reviews them.</summary>
public sealed class RemoveSensitiveWordHandler(PortalDbContext db, AuditTrail audit)
{
    public async Task<Outcome<string>> HandleAsync(int id, ClaimsPrincipal user, CancellationToken ct)
    {
        var word = await db.SensitiveWords.FirstOrDefaultAsync(w => w.Id == id, ct);
        if (word is null) return Refusal.NotFound("没有找到该敏感词。");
        db.SensitiveWords.Remove(word);
        audit.Record(user, AuditActions.SensitiveWordRemove, id, word.Word);
        await db.SaveChangesAsync(ct);
        return word.Word;
    }
}
