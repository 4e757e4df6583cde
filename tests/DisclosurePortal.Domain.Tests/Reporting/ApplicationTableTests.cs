using DisclosurePortal.Domain.Applications;
using DisclosurePortal.Domain.Reporting;
using static DisclosurePortal.Domain.Tests.TestCalendars;

namespace DisclosurePortal.Domain.Tests.Reporting;

public sealed class ApplicationTableTests
{
    private static CaseFacts Case(ApplicantKind kind, string received, ReplyType? outcome = null, string? decided = null) =>
        new(kind, D(received), outcome, decided is null ? null : D(decided));

    /// <summary>A year (2025) of cases: every reply type, both applicant groups, cases open across both 1 Januaries.</summary>
    private static List<CaseFacts> AYearOfCases()
    {
        var cases = new List<CaseFacts>();
        var types = Enum.GetValues<ReplyType>();
        // Every reply type decided in 2025 once for a natural person, and once for a commercial enterprise.
        for (var i = 0; i < types.Length; i++)
        {
            cases.Add(Case(ApplicantKind.NaturalPerson, $"2025-03-{i + 1:00}", types[i], $"2025-04-{i + 1:00}"));
            cases.Add(Case(ApplicantKind.CommercialEnterprise, $"2025-05-{i + 1:00}", types[i], $"2025-06-{i + 1:00}"));
        }
        // Carried from 2024 and decided in 2025 (research institution: 予以公开; legal service: 部分公开).
        cases.Add(Case(ApplicantKind.ResearchInstitution, "2024-12-20", ReplyType.Disclosed, "2025-01-15"));
        cases.Add(Case(ApplicantKind.LegalServiceProvider, "2024-12-30", ReplyType.PartiallyDisclosed, "2025-01-20"));
        // Carried from 2024 and still open at the end of 2025 (public-interest organisation).
        cases.Add(Case(ApplicantKind.PublicInterestOrganisation, "2024-12-31"));
        // Received in 2025, carried into 2026: one still open, one decided in January 2026.
        cases.Add(Case(ApplicantKind.NaturalPerson, "2025-12-22"));
        cases.Add(Case(ApplicantKind.OtherOrganisation, "2025-12-29", ReplyType.UnavailableNotHeld, "2026-01-08"));
        // Not in the 2025 table at all: decided in 2024, received in 2026, not yet received (online, unconfirmed).
        cases.Add(Case(ApplicantKind.NaturalPerson, "2024-06-03", ReplyType.Disclosed, "2024-06-20"));
        cases.Add(Case(ApplicantKind.NaturalPerson, "2026-01-05"));
        cases.Add(new CaseFacts(ApplicantKind.NaturalPerson, null, null, null));
        return cases;
    }

    [Fact]
    public void EveryCell_ComesFromTheCases()
    {
        var t = ApplicationTable.Compute(2025, AYearOfCases());
        var types = Enum.GetValues<ReplyType>().Length; // 21 rows of 三（一）–（六）

        Assert.Equal(types + 1, t[ApplicationTableRow.NewThisYear, ApplicantKind.NaturalPerson]);   // + the one received 22 Dec
        Assert.Equal(types, t[ApplicationTableRow.NewThisYear, ApplicantKind.CommercialEnterprise]);
        Assert.Equal(1, t[ApplicationTableRow.NewThisYear, ApplicantKind.OtherOrganisation]);
        Assert.Equal(0, t[ApplicationTableRow.NewThisYear, ApplicantKind.ResearchInstitution]);
        Assert.Equal(2 * types + 2, t.Total(ApplicationTableRow.NewThisYear));

        Assert.Equal(1, t[ApplicationTableRow.CarriedFromLastYear, ApplicantKind.ResearchInstitution]);
        Assert.Equal(1, t[ApplicationTableRow.CarriedFromLastYear, ApplicantKind.LegalServiceProvider]);
        Assert.Equal(1, t[ApplicationTableRow.CarriedFromLastYear, ApplicantKind.PublicInterestOrganisation]);
        Assert.Equal(0, t[ApplicationTableRow.CarriedFromLastYear, ApplicantKind.NaturalPerson]);
        Assert.Equal(3, t.Total(ApplicationTableRow.CarriedFromLastYear));

        foreach (var row in ApplicationTable.Rows.Where(ApplicationTable.IsOutcome))
        {
            Assert.Equal(1, t[row, ApplicantKind.NaturalPerson]);
            Assert.Equal(1, t[row, ApplicantKind.CommercialEnterprise]);
            Assert.Equal(0, t[row, ApplicantKind.OtherOrganisation]);
            Assert.Equal(0, t[row, ApplicantKind.PublicInterestOrganisation]);
        }
        Assert.Equal(1, t[ApplicationTableRow.Disclosed, ApplicantKind.ResearchInstitution]);
        Assert.Equal(1, t[ApplicationTableRow.PartiallyDisclosed, ApplicantKind.LegalServiceProvider]);
        Assert.Equal(3, t.Total(ApplicationTableRow.Disclosed));
        Assert.Equal(3, t.Total(ApplicationTableRow.PartiallyDisclosed));
        Assert.Equal(2, t.Total(ApplicationTableRow.OtherFeeUnpaid));
        Assert.Equal(types, t[ApplicationTableRow.DecidedTotal, ApplicantKind.NaturalPerson]);
        Assert.Equal(2 * types + 2, t.Total(ApplicationTableRow.DecidedTotal));

        Assert.Equal(1, t[ApplicationTableRow.CarriedToNextYear, ApplicantKind.NaturalPerson]);
        Assert.Equal(1, t[ApplicationTableRow.CarriedToNextYear, ApplicantKind.OtherOrganisation]); // decided only in 2026
        Assert.Equal(1, t[ApplicationTableRow.CarriedToNextYear, ApplicantKind.PublicInterestOrganisation]);
        Assert.Equal(3, t.Total(ApplicationTableRow.CarriedToNextYear));

        Assert.Empty(t.Inconsistencies()); // 一 + 二 = 三（七）+ 四 in every column
    }

    [Fact]
    public void TheNextYear_CarriesOverWhatThisYearCarriedForward()
    {
        var cases = AYearOfCases();
        var t2025 = ApplicationTable.Compute(2025, cases);
        var t2026 = ApplicationTable.Compute(2026, cases);
        foreach (var column in ApplicationTable.Columns)
            Assert.Equal(t2025[ApplicationTableRow.CarriedToNextYear, column], t2026[ApplicationTableRow.CarriedFromLastYear, column]);
        Assert.Equal(1, t2026[ApplicationTableRow.UnavailableNotHeld, ApplicantKind.OtherOrganisation]);
        Assert.Empty(t2026.Inconsistencies());
    }

    [Fact]
    public void ADecisionBeforeReceipt_IsRefused() =>
        Assert.Throws<DomainException>(() => ApplicationTable.Compute(2025, [Case(ApplicantKind.NaturalPerson, "2025-05-10", ReplyType.Disclosed, "2025-05-09")]));
}
