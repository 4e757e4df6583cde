using System.Text.RegularExpressions;
using DisclosurePortal.Domain.Applications;
using DisclosurePortal.Domain.Auditing;

namespace DisclosurePortal.Domain.Tests.Auditing;

/// <summary>The declared catalogue of audited changes (issue 17): one naming convention, every code explained.</summary>
public sealed partial class AuditActionsTests
{
    [Fact]
    public void EveryCode_FollowsTheOneConvention_IsUnique_AndIsExplained()
    {
        Assert.All(AuditActions.All, a =>
        {
            Assert.Matches(Convention(), a.Code);
            Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", a.Description);
            Assert.False(string.IsNullOrWhiteSpace(a.EntityType));
        });
        Assert.Equal(AuditActions.All.Count, AuditActions.All.Select(a => a.Code).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void EveryStepOfACase_HasItsOwnCode_InTheConvention()
    {
        Assert.Equal("case.confirm-receipt", AuditActions.Case(CaseAction.ConfirmReceipt).Code);
        Assert.Equal("case.close-fee-unpaid", AuditActions.Case(CaseAction.CloseFeeUnpaid).Code);
        Assert.All(Enum.GetValues<CaseAction>(), a =>
        {
            Assert.Contains(AuditActions.Case(a), AuditActions.All);
            Assert.Equal(CaseActions.Describe(a), AuditActions.Case(a).Description);
        });
    }

    [Theory]
    [InlineData("CatalogueItem.Add", "catalogue-item.add")]     // rows written before the catalogue keep their codes (the chain hashes them)
    [InlineData("CatalogueItem.Retire", "catalogue-item.retire")]
    [InlineData("case.confirmreceipt", "case.confirm-receipt")]
    [InlineData("record.submit", "record.submit")]
    public void AStoredCode_OldOrNew_IsExplained(string stored, string current) =>
        Assert.Equal(current, AuditActions.Find(stored)?.Code);

    [Fact]
    public void AnUnknownCode_IsNotGuessed() => Assert.Null(AuditActions.Find("record.delete"));

    [GeneratedRegex("^[a-z]+(-[a-z]+)*(\\.[a-z]+(-[a-z]+)*)+$")]
    private static partial Regex Convention();
}
