using DisclosurePortal.Domain.Applications;
using DisclosurePortal.Domain.Reporting;
using DisclosurePortal.Web.Infrastructure;
using DisclosurePortal.Web.Tests.Infrastructure;

namespace DisclosurePortal.Web.Tests.AnnualReports;

/// <summary>
/// A year of application cases written through the database: every reply type, every applicant kind, cases open
/// across 1 January at both ends, the two closings without reply and a paid fee. Keeps its own expected Table 三.
/// </summary>
public sealed class CaseYear(int year)
{
    private readonly Dictionary<(ApplicationTableRow, ApplicantKind), int> _expected = [];

    public int Year { get; } = year;
    public decimal FeesPaid { get; private set; }

    public int Expected(ApplicationTableRow row, ApplicantKind kind) => _expected.GetValueOrDefault((row, kind));

    public int ExpectedTotal(ApplicationTableRow row) => Enum.GetValues<ApplicantKind>().Sum(k => Expected(row, k));

    private void Count(ApplicantKind kind, params ApplicationTableRow[] rows)
    {
        foreach (var r in rows) _expected[(r, kind)] = Expected(r, kind) + 1;
    }

    public async Task WriteAsync(PortalFactory factory)
    {
        _ = factory.Server;
        await using var db = factory.NewDbContext();
        var calendar = await CalendarLoader.LoadAsync(db);
        var now = factory.Clock.GetUtcNow();
        var kinds = Enum.GetValues<ApplicantKind>();
        var y = Year;
        ApplicationCase Paper(ApplicantKind kind, DateOnly received) => ApplicationCase.Register(new ApplicationDetails
        {
            ApplicantKind = kind, ApplicantName = kind == ApplicantKind.NaturalPerson ? "赵六" : "某某单位", Contact = "13900000000",
            InformationDescription = "年度报告测试申请", Channel = ApplicationChannel.InPerson,
        }, "AR" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant(), received, "测试", now, calendar, received);

        void Replied(ApplicantKind kind, DateOnly received, ReplyType type, DateOnly on)
        {
            var c = Paper(kind, received);
            c.Reply(type, "答复内容。", on, "测试", now);
            db.ApplicationCases.Add(c);
        }

        var replyable = Enum.GetValues<ReplyType>().Where(t => t is not (ReplyType.OtherNoSupplement or ReplyType.OtherFeeUnpaid)).ToList();
        for (var i = 0; i < replyable.Count; i++)
        {
            var kind = kinds[i % kinds.Length];
            Replied(kind, new DateOnly(y, 3, 2).AddDays(i), replyable[i], new DateOnly(y, 4, 1).AddDays(i));
            Count(kind, ApplicationTableRow.NewThisYear, ApplicationTable.RowOf(replyable[i]), ApplicationTableRow.DecidedTotal);
        }
        // Carried over from the year before, decided this year, and one still open.
        Replied(ApplicantKind.NaturalPerson, new DateOnly(y - 1, 12, 20), ReplyType.Disclosed, new DateOnly(y, 1, 10));
        Count(ApplicantKind.NaturalPerson, ApplicationTableRow.CarriedFromLastYear, ApplicationTableRow.Disclosed, ApplicationTableRow.DecidedTotal);
        db.ApplicationCases.Add(Paper(ApplicantKind.CommercialEnterprise, new DateOnly(y - 1, 12, 28)));
        Count(ApplicantKind.CommercialEnterprise, ApplicationTableRow.CarriedFromLastYear, ApplicationTableRow.CarriedToNextYear);
        // Received this year, decided next year: carried forward.
        Replied(ApplicantKind.LegalServiceProvider, new DateOnly(y, 12, 25), ReplyType.PartiallyDisclosed, new DateOnly(y + 1, 1, 8));
        Count(ApplicantKind.LegalServiceProvider, ApplicationTableRow.NewThisYear, ApplicationTableRow.CarriedToNextYear);
        // Decided the year before, or received the year after: not in this year's table.
        Replied(ApplicantKind.NaturalPerson, new DateOnly(y - 1, 5, 4), ReplyType.Disclosed, new DateOnly(y - 1, 6, 1));
        Replied(ApplicantKind.NaturalPerson, new DateOnly(y + 1, 2, 3), ReplyType.Disclosed, new DateOnly(y + 1, 2, 10));

        // Closed without a reply: not supplemented in time (decided on the closing day).
        var unsupplemented = Paper(ApplicantKind.ResearchInstitution, new DateOnly(y, 5, 6));
        unsupplemented.RequestSupplement(new DateOnly(y, 5, 8), new DateOnly(y, 5, 20), "请写明所需信息的名称", "测试", now, calendar, new DateOnly(y, 5, 8));
        unsupplemented.CloseUnsupplemented("测试", now, new DateOnly(y, 5, 22));
        db.ApplicationCases.Add(unsupplemented);
        Count(ApplicantKind.ResearchInstitution, ApplicationTableRow.NewThisYear, ApplicationTableRow.OtherNoSupplement, ApplicationTableRow.DecidedTotal);

        // Fee not paid: closed; fee paid: counts in section 六.
        var unpaid = Paper(ApplicantKind.PublicInterestOrganisation, new DateOnly(y, 6, 3));
        unpaid.NotifyFee(new DateOnly(y, 6, 4), 15, 0, FeeTiers.StateCouncil2020, "测试", now, calendar, new DateOnly(y, 6, 4));
        unpaid.CloseFeeUnpaid("测试", now, new DateOnly(y, 8, 1));
        db.ApplicationCases.Add(unpaid);
        Count(ApplicantKind.PublicInterestOrganisation, ApplicationTableRow.NewThisYear, ApplicationTableRow.OtherFeeUnpaid, ApplicationTableRow.DecidedTotal);
        var paid = Paper(ApplicantKind.OtherOrganisation, new DateOnly(y, 7, 1));
        paid.NotifyFee(new DateOnly(y, 7, 2), 15, 0, FeeTiers.StateCouncil2020, "测试", now, calendar, new DateOnly(y, 7, 2));
        paid.RecordFeePayment(new DateOnly(y, 7, 6), "测试", now, calendar, new DateOnly(y, 7, 6));
        paid.Reply(ReplyType.Disclosed, "答复内容。", new DateOnly(y, 7, 20), "测试", now);
        db.ApplicationCases.Add(paid);
        FeesPaid = paid.FeeAmount;
        Count(ApplicantKind.OtherOrganisation, ApplicationTableRow.NewThisYear, ApplicationTableRow.Disclosed, ApplicationTableRow.DecidedTotal);

        await db.SaveChangesAsync();
    }
}
