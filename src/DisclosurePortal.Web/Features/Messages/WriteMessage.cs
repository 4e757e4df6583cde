using System.Text.RegularExpressions;
using DisclosurePortal.Data;
using DisclosurePortal.Data.Security;
using DisclosurePortal.Domain.Applications;
using DisclosurePortal.Domain.Participation;
using DisclosurePortal.Web.Features.Shared;
using DisclosurePortal.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DisclosurePortal.Web.Features.Messages;

/// <summary>What a writer types on /messages/write. Everything nullable so nothing typed is lost on a re-render.</summary>
public sealed class WriteMessageForm
{
    [ValidatorExplains]
    public MessageKind? Kind { get; set; }
    public string? Subject { get; set; }
    [MultiLine]
    public string? Body { get; set; }

    /// <summary>The department written to; none for the county government.</summary>
    [ValidatorExplains]
    public int? DepartmentId { get; set; }

    [ValidatorExplains]
    public int? DomainId { get; set; }
    public string? Name { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public bool MayPublish { get; set; }

    /// <summary>The honeypot, as on /apply: hidden from people, so only a bot fills it.</summary>
    [FromForm(Name = HoneypotField)]
    public string? Website { get; set; }

    public const string HoneypotField = "website";
}

public sealed partial class WriteMessageFormValidator : AbstractValidator<WriteMessageForm>
{
    public const int MaxNameLength = 50;
    public const int MaxPhoneLength = 30;
    public const int MaxEmailLength = 100;

    public WriteMessageFormValidator()
    {
        RuleFor(x => x.Kind).NotNull().WithMessage("请选择留言类型。").IsInEnum().WithMessage("请选择留言类型。");
        RuleFor(x => x.Subject).NotEmpty().WithMessage("请填写留言主题。")
            .MaximumLength(Message.MaxSubjectLength).WithMessage("主题不能超过100个字。");
        RuleFor(x => x.Body).NotEmpty().WithMessage("请填写留言内容。")
            .MaximumLength(Message.MaxBodyLength).WithMessage("留言内容不能超过3000字。");
        RuleFor(x => x.Name).NotEmpty().WithMessage("请填写您的姓名。")
            .MaximumLength(MaxNameLength).WithMessage("姓名不能超过50个字。")
            .Must(n => n is null || n.AsSpan().IndexOfAny('<', '>') < 0).WithMessage("姓名不能包含“<”“>”符号。");
        RuleFor(x => x.Phone).Cascade(CascadeMode.Stop)
            .NotEmpty().When(f => string.IsNullOrWhiteSpace(f.Email)).WithMessage("请至少填写联系电话或电子邮箱中的一项，以便我们联系您。")
            .MaximumLength(MaxPhoneLength).WithMessage("联系电话不能超过30个字符。")
            .Must(p => string.IsNullOrWhiteSpace(p) || Phone().IsMatch(p.Trim())).WithMessage("请填写有效的联系电话，如 13800000000 或 0839-7202000。");
        RuleFor(x => x.Email).Cascade(CascadeMode.Stop)
            .MaximumLength(MaxEmailLength).WithMessage("电子邮箱不能超过100个字符。")
            .Must(e => string.IsNullOrWhiteSpace(e) || Email().IsMatch(e.Trim())).WithMessage("请填写有效的电子邮箱，如 name@example.com。");
    }

    [GeneratedRegex(@"^\+?[0-9][0-9 ()\-]{5,22}[0-9]$")]
    private static partial Regex Phone();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex Email();
}

/// <summary>What the writer is told after writing: the code, and whether the message waits for a moderator.</summary>
public sealed record Written(string Code, bool Held);

/// <summary>
/// 写信: stores the message with a new random 查询码, its contact data encrypted. A message with a 敏感词 is held for the
/// office's moderation, not refused: the writer is told it is being reviewed.
/// </summary>
public sealed class WriteMessageHandler(PortalDbContext db, TimeProvider clock, WriterContacts contacts, MessageDeadlines deadlines,
    MessageNotifications notifications, ILogger<WriteMessageHandler> logger)
{
    private const int CodeAttempts = 5;

    public async Task<Outcome<Written>> HandleAsync(WriteMessageForm form, CancellationToken ct)
    {
        if (form.DepartmentId is { } departmentId && !await db.Departments.AnyAsync(d => d.Id == departmentId && d.IsActive, ct))
            return new Refusal("请选择列表中的部门。");
        if (form.DomainId is { } domainId && !await db.Domains.AnyAsync(d => d.Id == domainId, ct))
            return new Refusal("请选择列表中的领域。");
        var words = new SensitiveWords(await db.SensitiveWords.AsNoTracking().Select(w => w.Word).ToListAsync(ct));
        var found = words.Find(form.Subject, form.Body, form.Name);
        var calendar = await CalendarLoader.LoadAsync(db, ct);
        var details = new MessageDetails
        {
            Kind = form.Kind!.Value,
            Subject = form.Subject!.Trim(),
            Body = form.Body!.Trim(),
            AddressedDepartmentId = form.DepartmentId,
            DomainId = form.DomainId,
            ProtectedName = contacts.Protect(form.Name)!,
            ProtectedPhone = contacts.Protect(form.Phone),
            ProtectedEmail = contacts.Protect(form.Email),
            PublicationConsent = form.MayPublish,
        };
        for (var attempt = 1; ; attempt++)
        {
            var code = QueryCodes.New();
            try
            {
                return await Outcome.Try(async () =>
                {
                    var message = Message.Write(details, code, clock.GetUtcNow(), clock.Today(), found, deadlines, calendar);
                    db.Messages.Add(message);
                    // A held message reaches the office's queue as "待审核" and is announced when released.
                    if (found.Count == 0) notifications.Arrived(message);
                    await db.SaveChangesAsync(ct);
                    // No contact data in the log (issue 19 §5): the id and whether it is held.
                    logger.LogInformation("Message {MessageId} written online (held for moderation: {Held})", message.Id, found.Count > 0);
                    return (Outcome<Written>)new Written(code, found.Count > 0);
                });
            }
            catch (DbUpdateException) when (attempt < CodeAttempts)
            {
                if (!await db.Messages.AsNoTracking().AnyAsync(m => m.QueryCode == code, ct)) throw;
                db.ChangeTracker.Clear();
            }
        }
    }
}
