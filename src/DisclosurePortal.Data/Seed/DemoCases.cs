using System.Globalization;
using DisclosurePortal.Data.Security;
using DisclosurePortal.Domain.Applications;
using DisclosurePortal.Domain.Calendar;

namespace DisclosurePortal.Data.Seed;

/// <summary>
/// A few 依申请公开 cases in every state the office sees, so that /office, the case list and Table 三 of the annual
/// report are not empty on first start: awaiting confirmation, in progress (fresh, due soon, overdue, extended), awaiting
/// a supplement, a third party's opinion or a fee, replied, and closed with several reply types — this year's and last
/// year's, one carried over the new year. Each is driven through the domain's own methods on the working-day calendar,
/// as the office would (Features/Apply/SubmitApplication, Features/Cases/RegisterCase), dated back from today in
/// working days; identity numbers are stored encrypted with their blind index (PersonalData), as a submitted form's are.
/// </summary>
internal sealed class DemoCases(PersonalData personalData, WorkingCalendar calendar, DateOnly today, DateTimeOffset now,
    IReadOnlyList<(int Id, string Name)> departments, Random rnd)
{
    /// <summary>The demo reviewer (DemoAccountsSeeder), who handles the office's cases.</summary>
    private const string Office = "王审核（县政务公开办）";
    private const string Approver = "县政务公开办主任";

    public List<ApplicationCase> Create()
    {
        var year = today.Year; // the requests name years relative to today
        var cases = new List<ApplicationCase>();
        ApplicationCase Add(ApplicationCase c) { cases.Add(c); return c; }

        // Waiting for the office to confirm receipt (条例 Art. 31).
        Add(Submit(Person(), ApplicationChannel.Online, Ago(1), $"申请公开青川县城关镇{year}年公共租赁住房轮候对象名单及排序规则。"));
        Add(Submit(Organisation(ApplicantKind.CommercialEnterprise), ApplicationChannel.Fax, Ago(1), $"申请公开青川县{year}年政府集中采购目录及采购限额标准的制定依据。"));

        // In progress: fresh, due soon, overdue.
        var fresh = Add(Received(Person(), ApplicationChannel.Online, Ago(3), "申请公开青川县城区义务教育学校招生范围划分的依据和说明。"));
        Assign(fresh, Ago(2), "education");
        var dueSoon = Add(Received(Person(), ApplicationChannel.InPerson, Ago(18), $"申请公开本人所在村{year}年最低生活保障对象评议记录。"));
        Assign(dueSoon, Ago(17), "civil-affairs");
        Add(Received(Organisation(ApplicantKind.LegalServiceProvider), ApplicationChannel.Mail, Ago(23), $"申请公开青川县双河镇{year - 1}年度第2批次城镇建设用地征收土地的批准文件及补偿安置方案。"));

        // Extended (Art. 33): approved before the due date, still being worked on.
        var extended = Add(Received(Person(), ApplicationChannel.InPerson, Ago(21), "申请公开城区老旧片区改造房屋征收项目的分户评估报告及评估机构选定过程的材料。"));
        Assign(extended, Ago(20), "housing");
        extended.Extend(15, "需要调取的信息量较大，涉及多个部门，难以按期答复", Approver, Ago(2), Office, At(Ago(2), 16), calendar, Ago(2));

        // Waiting for the applicant: a supplement (Art. 30) and a fee (109号).
        var supplement = Add(Received(Person(), ApplicationChannel.Online, Ago(9), "申请公开我家附近那个厂的环评材料。"));
        supplement.RequestSupplement(Ago(6), calendar.AddWorkingDays(Ago(6), 15), "请补充所需政府信息的名称、文号或者便于查询的其他特征性描述（如企业名称、项目名称或所在位置）", Office, At(Ago(6), 10), calendar, Ago(6));
        var fee = Add(Received(Organisation(ApplicantKind.ResearchInstitution), ApplicationChannel.Online, Ago(14), $"申请公开青川县{year - 5}年至{year - 1}年各乡镇地表水水质监测月报（共60份）。"));
        fee.NotifyFee(Ago(4), 16, 0, FeeTiers.StateCouncil2020, Office, At(Ago(4), 10), calendar, Ago(4));

        // Waiting for a third party's opinion (Art. 32).
        var consulted = Add(Received(Person(), ApplicationChannel.Online, Ago(12), $"申请公开青川县{year}年公办幼儿园设备采购项目的中标合同。"));
        consulted.SendConsultation(Ago(7), "第三方（中标供应商）", Office, At(Ago(7), 10), calendar, Ago(7));

        // Replied, the letter not yet delivered.
        var replied = Add(Received(Person(), ApplicationChannel.Online, Ago(15), $"申请公开本人{year}年耕地地力保护补贴的核定面积和发放金额。"));
        Reply(replied, ReplyType.Disclosed, Ago(1));

        // Closed, with several reply types (rows of Table 三).
        Close(Received(Person(), ApplicationChannel.Online, Ago(40), "申请公开青川县中心城区控制性详细规划局部调整的批复文件。"), ReplyType.Disclosed, Ago(30), cases);
        Close(Received(Organisation(ApplicantKind.LegalServiceProvider), ApplicationChannel.Mail, Ago(60), "申请公开某建设工程规划许可证及附图。"), ReplyType.PartiallyDisclosed, Ago(45), cases);
        Close(Received(Person(), ApplicationChannel.InPerson, Ago(75), "申请公开1998年本村土地承包经营权调整的会议记录。"), ReplyType.UnavailableNotHeld, Ago(62), cases);
        Close(Received(Person(), ApplicationChannel.Online, Ago(120), "要求对邻居违法建房问题进行查处并答复处理结果。"), ReplyType.NotProcessedPetition, Ago(115), cases);
        var third = Received(Organisation(ApplicantKind.CommercialEnterprise), ApplicationChannel.Online, Ago(100), $"申请公开竞争对手在{year - 1}年高标准农田建设项目中的投标文件。");
        third.SendConsultation(Ago(96), "第三方（相关投标企业）", Office, At(Ago(96), 10), calendar, Ago(96));
        third.ReceiveConsultation(Ago(88), "第三方不同意公开，认为涉及商业秘密。", Office, At(Ago(88), 15), calendar, Ago(88));
        Close(third, ReplyType.WithheldThirdPartyRights, Ago(80), cases);
        var needsCreation = Received(Organisation(ApplicantKind.ResearchInstitution), ApplicationChannel.Online, Ago(140), "申请公开青川县近十年各乡镇人口流动情况的统计分析。");
        needsCreation.Extend(15, "需要多个部门核实是否掌握相关信息", Approver, Ago(122), Office, At(Ago(122), 16), calendar, Ago(122));
        Close(needsCreation, ReplyType.UnavailableNeedsCreation, Ago(110), cases);
        var paid = Received(Organisation(ApplicantKind.PublicInterestOrganisation), ApplicationChannel.Online, Ago(180), $"申请公开青川县{year - 6}年至{year - 1}年集中式饮用水水源地水质月报（共72份）。");
        paid.NotifyFee(Ago(175), 24, 0, FeeTiers.StateCouncil2020, Office, At(Ago(175), 10), calendar, Ago(175));
        paid.RecordFeePayment(Ago(168), Office, At(Ago(168), 10), calendar, Ago(168));
        Close(paid, ReplyType.Disclosed, Ago(160), cases);

        // Closed because the applicant let a deadline pass.
        var unsupplemented = Add(Received(Person(), ApplicationChannel.Mail, Ago(90), "申请公开有关文件。"));
        var by = calendar.AddWorkingDays(Ago(87), 15);
        unsupplemented.RequestSupplement(Ago(87), by, "请写明所需政府信息的名称、文号或者便于查询的其他特征性描述", Office, At(Ago(87), 10), calendar, Ago(87));
        var closeOn = calendar.AddWorkingDays(by, 2);
        unsupplemented.CloseUnsupplemented(Office, At(closeOn, 10), closeOn);
        var unpaid = Add(Received(Person(), ApplicationChannel.Online, Ago(200), $"申请公开青川县{year - 11}年至{year - 1}年城区出厂水水质检测结果（共132份）。"));
        unpaid.NotifyFee(Ago(196), 40, 0, FeeTiers.StateCouncil2020, Office, At(Ago(196), 10), calendar, Ago(196));
        var unpaidClose = calendar.AddWorkingDays(unpaid.FeePaymentDeadline!.Value, 3);
        unpaid.CloseFeeUnpaid(Office, At(unpaidClose, 10), unpaidClose);

        // Last year's: decided in it, and one carried over the new year (Table 三 rows 二 and 四).
        var lastYear = year - 1;
        Close(Received(Organisation(ApplicantKind.PublicInterestOrganisation), ApplicationChannel.Online, WorkingDayFrom(new DateOnly(lastYear, 6, 16)), $"申请公开青川县{year - 2}年县级部门决算中“三公”经费的明细。"), ReplyType.Disclosed, calendar.AddWorkingDays(WorkingDayFrom(new DateOnly(lastYear, 6, 16)), 12), cases);
        Close(Received(Person(), ApplicationChannel.InPerson, WorkingDayFrom(new DateOnly(lastYear, 9, 8)), "申请公开县政府常务会议研究城区交通改造方案的讨论记录。"), ReplyType.WithheldProcessInformation, calendar.AddWorkingDays(WorkingDayFrom(new DateOnly(lastYear, 9, 8)), 15), cases);
        Close(Received(Person(), ApplicationChannel.Online, WorkingDayFrom(new DateOnly(lastYear, 11, 3)), $"再次申请公开已于{year - 1}年9月答复过的城区交通改造方案。"), ReplyType.NotProcessedRepeated, calendar.AddWorkingDays(WorkingDayFrom(new DateOnly(lastYear, 11, 3)), 6), cases);
        var carried = Add(Received(Person(), ApplicationChannel.Mail, WorkingDayFrom(new DateOnly(lastYear, 12, 17)), $"申请公开青川县{year - 1}年房屋征收补偿决定公告所涉项目的补偿资金拨付凭证。"));
        var carriedReply = calendar.AddWorkingDays(carried.ReceivedOn!.Value, 17);
        if (carriedReply < today) Reply(carried, ReplyType.PartiallyDisclosed, carriedReply, deliver: true);
        return cases;
    }

    private ApplicationCase Submit(ApplicationDetails details, ApplicationChannel channel, DateOnly on, string request) =>
        ApplicationCase.Submit(details with { Channel = channel, InformationDescription = request }, QueryCode(), At(on, 15));

    /// <summary>A case received on <paramref name="on"/>: registered from paper, or submitted online and confirmed that day.</summary>
    private ApplicationCase Received(ApplicationDetails details, ApplicationChannel channel, DateOnly on, string request)
    {
        details = details with { Channel = channel, InformationDescription = request };
        if (channel is ApplicationChannel.InPerson or ApplicationChannel.Mail)
            return ApplicationCase.Register(details, QueryCode(), on, Office, At(on, 10), calendar, on);
        var c = ApplicationCase.Submit(details, QueryCode(), At(on, 9));
        c.ConfirmReceipt(on, Office, At(on, 11), calendar, on);
        return c;
    }

    private void Assign(ApplicationCase c, DateOnly on, string departmentKey)
    {
        var index = DemoContent.Departments.Select((d, i) => (d.Key, i)).Single(d => d.Key == departmentKey).i;
        c.Assign(departments[index].Id, departments[index].Name, Office, At(on, 11));
    }

    private void Reply(ApplicationCase c, ReplyType type, DateOnly on, bool deliver = false)
    {
        c.Reply(type, Letter(c, type), on, Office, At(on, 15));
        if (deliver) c.Deliver(calendar.AddWorkingDays(on, 1), c.DeliveryMethod, Office, At(calendar.AddWorkingDays(on, 1), 10));
    }

    private void Close(ApplicationCase c, ReplyType type, DateOnly repliedOn, List<ApplicationCase> cases)
    {
        Reply(c, type, repliedOn, deliver: true);
        cases.Add(c);
    }

    private static string Letter(ApplicationCase c, ReplyType type) =>
        $"{c.ApplicantName}：\n\n本机关于{c.ReceivedOn:yyyy年M月d日}收到您提出的政府信息公开申请。经审查，答复如下：{ReplyTypes.Describe(type)}。"
        + (type is ReplyType.Disclosed or ReplyType.PartiallyDisclosed ? "所申请的信息随本答复书一并提供。" : string.Empty);

    /// <summary>A natural person of the county with a 居民身份证 number.</summary>
    private ApplicationDetails Person()
    {
        var name = DemoContent.Surnames[rnd.Next(DemoContent.Surnames.Count)] + DemoContent.GivenNames[rnd.Next(DemoContent.GivenNames.Count)];
        var born = new DateOnly(1950, 1, 1).AddDays(rnd.Next(0, 365 * 50));
        var (stored, index) = personalData.Protect(DemoIdentities.ResidentId(born, rnd));
        var town = DemoContent.Towns[rnd.Next(DemoContent.Towns.Count)];
        return new ApplicationDetails
        {
            ApplicantKind = ApplicantKind.NaturalPerson,
            ApplicantName = name,
            IdentityNumber = stored,
            IdentityIndex = index,
            Contact = Mobile(),
            PostalAddress = $"青川县{town}{DemoContent.Villages[rnd.Next(DemoContent.Villages.Count)]}路{rnd.Next(1, 200)}号",
            InformationDescription = "-",
            ProvisionForm = rnd.Next(2) == 0 ? ProvisionForm.Electronic : ProvisionForm.Paper,
            DeliveryMethod = rnd.Next(2) == 0 ? DeliveryMethod.Post : DeliveryMethod.Email,
        };
    }

    private ApplicationDetails Organisation(ApplicantKind kind)
    {
        var brand = DemoContent.Brands[rnd.Next(DemoContent.Brands.Count)];
        var name = kind switch
        {
            ApplicantKind.CommercialEnterprise => $"青川县{brand}建筑工程有限公司",
            ApplicantKind.LegalServiceProvider => $"四川{brand}律师事务所",
            ApplicantKind.ResearchInstitution => $"{brand}规划设计研究院",
            ApplicantKind.PublicInterestOrganisation => $"青川县{brand}公益服务中心",
            _ => $"青川县{brand}农业专业合作社",
        };
        var (stored, index) = personalData.Protect(DemoIdentities.CreditCode(rnd));
        return new ApplicationDetails
        {
            ApplicantKind = kind,
            ApplicantName = name,
            IdentityNumber = stored,
            IdentityIndex = index,
            ContactPerson = DemoContent.Surnames[rnd.Next(DemoContent.Surnames.Count)] + DemoContent.GivenNames[rnd.Next(DemoContent.GivenNames.Count)],
            Contact = Mobile(),
            PostalAddress = $"青川县城关镇{DemoContent.Villages[rnd.Next(DemoContent.Villages.Count)]}路{rnd.Next(1, 200)}号",
            InformationDescription = "-",
            ProvisionForm = ProvisionForm.Electronic,
            DeliveryMethod = DeliveryMethod.Email,
        };
    }

    private string Mobile() => string.Create(CultureInfo.InvariantCulture, $"1{rnd.Next(30, 90)}{rnd.Next(0, 100_000_000):D8}");

    private string QueryCode() => new([.. Enumerable.Range(0, QueryCodes.Length).Select(_ => QueryCodes.Alphabet[rnd.Next(QueryCodes.Alphabet.Length)])]);

    /// <summary>The <paramref name="n"/>-th working day before today.</summary>
    private DateOnly Ago(int n)
    {
        var day = today;
        for (var left = n; left > 0;)
        {
            day = day.AddDays(-1);
            if (calendar.IsWorkingDay(day)) left--;
        }
        return day;
    }

    /// <summary>The first working day on or after <paramref name="date"/>.</summary>
    private DateOnly WorkingDayFrom(DateOnly date)
    {
        while (!calendar.IsWorkingDay(date)) date = date.AddDays(1);
        return date;
    }

    /// <summary>A time of day on <paramref name="date"/> in China, never later than now.</summary>
    private DateTimeOffset At(DateOnly date, int hour)
    {
        var at = ChinaTime.At(date, new TimeOnly(hour, 0));
        return at < now ? at : now;
    }
}
