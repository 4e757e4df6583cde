using System.Globalization;
using DisclosurePortal.Domain.Applications;
using DisclosurePortal.Domain.Calendar;
using DisclosurePortal.Data.Seed;

namespace DisclosurePortal.Tools.Generator;

/// <summary>The rows of a few thousand application cases and their events.</summary>
internal sealed class CaseChunk
{
    public List<object?[]> Cases { get; } = [];
    public List<object?[]> Events { get; } = [];
}

/// <summary>
/// Application cases (依申请公开) over the same ten years, each driven through the domain's own state machine
/// (<see cref="ApplicationCase"/>: receipt, 补正, consultation, extension, fee, reply, delivery) on the working-day
/// calendar, so every stored due date, state and event is one the portal itself could have produced. A step dated
/// after the last day is not taken: recent cases are still open. Deterministic, like the records.
/// </summary>
internal sealed class CaseStream(IReadOnlyList<GeneratedDepartment> departments, IReadOnlyList<GeneratedItem> items,
    WorkingCalendar calendar, int total, DateOnly lastDay, Random random)
{
    private const string Office = "县政务公开办";
    private readonly DateOnly _firstDay = lastDay.AddYears(-10).AddDays(1);
    private readonly TextTemplate[] _requests = TextTemplate.All(GeneratedContent.Requests);
    private readonly SlotValues _slots = new();
    private long _nextEventId = 1;

    public Dictionary<ApplicationState, int> States { get; } = [];

    public IEnumerable<CaseChunk> Chunks(int size)
    {
        var chunk = new CaseChunk();
        for (var i = 0; i < total; i++)
        {
            var span = lastDay.DayNumber - _firstDay.DayNumber;
            var day = _firstDay.AddDays((int)(Math.Pow((i + 0.5) / total, 1 / 1.6) * span));
            var @case = Generate(i, day);
            States[@case.State] = States.GetValueOrDefault(@case.State) + 1;
            var id = i + 1;
            chunk.Cases.Add([
                id, @case.QueryCode, (int)@case.ApplicantKind, @case.ApplicantName, @case.IdentityNumber, @case.ContactPerson,
                @case.Contact, @case.PostalAddress, @case.InformationDescription, (int)@case.ProvisionForm, (int)@case.DeliveryMethod,
                (int)@case.Channel, (int)@case.State, @case.AssignedDepartmentId, @case.SubmittedAt, @case.ReceivedOn, @case.DueOn,
                @case.Extended, (int?)@case.ReplyType, @case.RepliedOn, @case.ClosedOn, @case.FeeAmount, @case.ItemCount,
                @case.FeeNotifiedOn, @case.FeePaymentDeadline, @case.FeePaidOn, @case.SupplementRequestedOn,
                @case.SupplementDeadline, @case.SupplementReceivedOn, @case.ExtensionWorkingDays, @case.ExtensionReason,
                @case.ExtensionApprovedBy, @case.ReplyLetter, @case.DeliveredOn, @case.Version,
            ]);
            foreach (var e in @case.Events)
                chunk.Events.Add([_nextEventId++, id, (int)e.Kind, e.OccurredAt, e.EffectiveOn, e.ActorId, e.ActorName, e.Note, e.DueOnAfter]);
            if (chunk.Cases.Count >= size)
            {
                yield return chunk;
                chunk = new CaseChunk();
            }
        }
        if (chunk.Cases.Count > 0) yield return chunk;
    }

    private ApplicationCase Generate(int index, DateOnly day)
    {
        var details = Details();
        var code = QueryCode(index);
        var submittedAt = At(day, 9 + random.Next(0, 8));
        ApplicationCase @case;
        if (details.Channel is ApplicationChannel.InPerson or ApplicationChannel.Mail)
        {
            @case = ApplicationCase.Register(details, code, day, Office, submittedAt, calendar, day);
        }
        else
        {
            @case = ApplicationCase.Submit(details, code, submittedAt);
            var confirmed = calendar.AddWorkingDays(day, random.Next(0, 3));
            if (confirmed > lastDay) return @case;
            @case.ConfirmReceipt(confirmed, Office, At(confirmed, 10), calendar, confirmed);
        }
        Work(@case);
        return @case;
    }

    /// <summary>The office's steps, each on a working day after the one before, until the case is closed or the days run out.</summary>
    private void Work(ApplicationCase @case)
    {
        var last = @case.ReceivedOn!.Value;
        bool Until(DateOnly on) => on <= lastDay;

        if (random.NextDouble() < 0.7)
        {
            var department = departments[random.Next(departments.Count)];
            @case.Assign(department.Id, department.Name, Office, At(last, 11));
        }
        var scenario = random.NextDouble();
        if (scenario < 0.08)
        {
            // 补正 (Art. 30): one notice within 7 working days; most applicants answer, some let the deadline pass.
            var notice = calendar.AddWorkingDays(last, random.Next(1, 6));
            if (!Until(notice)) return;
            var by = calendar.AddWorkingDays(notice, 15);
            @case.RequestSupplement(notice, by, "请补充所需政府信息的名称、文号或者便于查询的其他特征性描述", Office, At(notice, 10), calendar, notice);
            if (random.NextDouble() < 0.2)
            {
                var closeOn = by.AddDays(random.Next(1, 10));
                if (Until(closeOn)) @case.CloseUnsupplemented(Office, At(closeOn, 10), closeOn);
                return;
            }
            last = calendar.AddWorkingDays(notice, random.Next(2, 11));
            if (!Until(last)) return;
            @case.ReceiveSupplement(last, "申请人", At(last, 14), calendar, last);
        }
        else if (scenario < 0.13)
        {
            // Third-party consultation (Art. 32): the days until the answer do not count.
            var sent = calendar.AddWorkingDays(last, random.Next(2, 7));
            if (!Until(sent)) return;
            @case.SendConsultation(sent, "第三方（相关企业）", Office, At(sent, 10), calendar, sent);
            last = calendar.AddWorkingDays(sent, random.Next(3, 16));
            if (!Until(last)) return;
            @case.ReceiveConsultation(last, "第三方同意公开。", Office, At(last, 15), calendar, last);
        }
        else if (scenario < 0.145)
        {
            // A fee notice (109号): most pay within 20 working days, the rest are closed as abandoned.
            var notice = calendar.AddWorkingDays(last, random.Next(2, 8));
            if (!Until(notice)) return;
            @case.NotifyFee(notice, random.Next(11, 41), 0, FeeTiers.StateCouncil2020, Office, At(notice, 10), calendar, notice);
            if (random.NextDouble() < 0.2)
            {
                var closeOn = @case.FeePaymentDeadline!.Value.AddDays(random.Next(1, 10));
                if (Until(closeOn)) @case.CloseFeeUnpaid(Office, At(closeOn, 10), closeOn);
                return;
            }
            last = calendar.AddWorkingDays(notice, random.Next(1, 15));
            if (!Until(last)) return;
            @case.RecordFeePayment(last, Office, At(last, 10), calendar, last);
        }
        if (random.NextDouble() < 0.05)
        {
            // 延期 (Art. 33): approved before the due date.
            var on = calendar.AddWorkingDays(last, random.Next(1, 5));
            if (!Until(on)) return;
            if (on <= @case.DueOn)
            {
                @case.Extend(random.Next(5, 21), "需要调取的信息量较大，难以按期答复", "县政务公开办主任", on, Office, At(on, 16), calendar, on);
                last = on;
            }
        }

        // 答复: mostly within the period, a few late.
        var due = @case.DueOn!.Value;
        var available = Math.Max(1, calendar.WorkingDaysBetween(last, due));
        var replyOn = random.NextDouble() < 0.03
            ? calendar.AddWorkingDays(due, random.Next(1, 6))
            : calendar.AddWorkingDays(last, random.Next(1, available + 1));
        if (!Until(replyOn)) return;
        var type = PickReplyType();
        @case.Reply(type, Letter(@case, type), replyOn, Office, At(replyOn, 15));
        var deliveredOn = replyOn.AddDays(random.Next(0, 4));
        if (!Until(deliveredOn)) return;
        @case.Deliver(deliveredOn, @case.DeliveryMethod, Office, At(deliveredOn, 10));
    }

    private ApplicationDetails Details()
    {
        var item = items[random.Next(items.Count)];
        var year = lastDay.Year - random.Next(0, 10);
        _slots[Slot.Year] = year.ToString(CultureInfo.InvariantCulture);
        _slots[Slot.Town] = DemoContent.Towns[random.Next(DemoContent.Towns.Count)];
        _slots[Slot.Item] = item.Name;
        _slots[Slot.Topic] = item.Topic;
        _slots[Slot.Domain] = item.DomainName;
        _slots[Slot.Dept] = item.Department.Name;
        var person = random.NextDouble() < 0.8;
        var brand = GeneratedContent.Brands[random.Next(GeneratedContent.Brands.Count)];
        var (kind, name) = person
            ? (ApplicantKind.NaturalPerson, PersonName())
            : random.Next(0, 5) switch
            {
                0 => (ApplicantKind.CommercialEnterprise, $"青川县{brand}商贸有限公司"),
                1 => (ApplicantKind.LegalServiceProvider, $"四川{brand}律师事务所"),
                2 => (ApplicantKind.ResearchInstitution, $"{brand}规划设计研究院"),
                3 => (ApplicantKind.PublicInterestOrganisation, $"青川县{brand}公益服务中心"),
                _ => (ApplicantKind.OtherOrganisation, $"青川县{brand}农业专业合作社"),
            };
        var channel = random.NextDouble() switch
        {
            < 0.6 => ApplicationChannel.Online,
            < 0.8 => ApplicationChannel.InPerson,
            < 0.95 => ApplicationChannel.Mail,
            _ => ApplicationChannel.Fax,
        };
        return new ApplicationDetails
        {
            ApplicantKind = kind,
            ApplicantName = name,
            ContactPerson = person ? null : PersonName(),
            Contact = string.Create(CultureInfo.InvariantCulture, $"1{random.Next(30, 90)}{random.Next(0, 100_000_000):D8}"),
            PostalAddress = $"青川县{_slots[Slot.Town]}{random.Next(1, 200)}号",
            InformationDescription = "申请公开" + _requests[random.Next(_requests.Length)].Fill(_slots) + "。",
            ProvisionForm = random.NextDouble() < 0.7 ? ProvisionForm.Electronic : ProvisionForm.Paper,
            DeliveryMethod = (DeliveryMethod)random.Next(1, 5),
            Channel = channel,
        };
    }

    private string PersonName() =>
        GeneratedContent.Surnames[random.Next(GeneratedContent.Surnames.Count)] + GeneratedContent.GivenNames[random.Next(GeneratedContent.GivenNames.Count)];

    private ReplyType PickReplyType() => random.NextDouble() switch
    {
        < 0.45 => ReplyType.Disclosed,
        < 0.60 => ReplyType.PartiallyDisclosed,
        < 0.64 => ReplyType.WithheldThirdPartyRights,
        < 0.68 => ReplyType.WithheldProcessInformation,
        < 0.70 => ReplyType.WithheldInternalAffairs,
        < 0.84 => ReplyType.UnavailableNotHeld,
        < 0.88 => ReplyType.UnavailableNeedsCreation,
        < 0.92 => ReplyType.NotProcessedRepeated,
        < 0.95 => ReplyType.NotProcessedPetition,
        _ => ReplyType.OtherOther,
    };

    private static string Letter(ApplicationCase @case, ReplyType type) =>
        $"{@case.ApplicantName}：\n\n本机关于{@case.ReceivedOn:yyyy年M月d日}收到您提出的政府信息公开申请。经审查，答复如下：{ReplyTypes.Describe(type)}。";

    /// <summary>
    /// A 查询码 of the portal's alphabet and length, unique by construction: the case's number times a constant coprime to
    /// 31, modulo 31^12, written in base 31 (a bijection, so no two cases share a code).
    /// </summary>
    private static string QueryCode(int index)
    {
        const long Modulus = 787_662_783_788_549_761; // 31^12
        var value = (long)((UInt128)(ulong)(index + 1) * 150_094_635_296_999_121UL % Modulus);
        Span<char> code = stackalloc char[QueryCodes.Length];
        for (var i = code.Length - 1; i >= 0; i--)
        {
            code[i] = QueryCodes.Alphabet[(int)(value % 31)];
            value /= 31;
        }
        return new string(code);
    }

    private static DateTimeOffset At(DateOnly date, int hour) => ChinaTime.At(date, new TimeOnly(hour, 0));
}
