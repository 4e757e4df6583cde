using DisclosurePortal.Domain.Calendar;
using DisclosurePortal.Domain.Publishing;

namespace DisclosurePortal.Domain.Tests.Publishing;

/// <summary>三同步 (issue 21 §6): when a policy needs an interpretation or a plan, and the plan's due date.</summary>
public sealed class InterpretationPlanTests
{
    private static readonly DateTimeOffset Now = new(2026, 9, 28, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ANeverPublishedPolicyInForce_NeedsItsInterpretationOrAPlan_ARevisionOrAnotherKindDoesNot()
    {
        Assert.True(ThreeSync.Applies(RecordKind.NormativeDocument, Validity.Valid, everPublished: false));
        Assert.True(ThreeSync.Applies(RecordKind.Regulation, Validity.Valid, everPublished: false));
        Assert.False(ThreeSync.Applies(RecordKind.NormativeDocument, Validity.Valid, everPublished: true));
        Assert.False(ThreeSync.Applies(RecordKind.NormativeDocument, Validity.Repealed, everPublished: false));
        Assert.False(ThreeSync.Applies(RecordKind.Notice, Validity.Valid, everPublished: false));

        Assert.False(ThreeSync.IsKept(interpretationSubmitted: false, hasPlan: false));
        Assert.True(ThreeSync.IsKept(interpretationSubmitted: true, hasPlan: false));
        Assert.True(ThreeSync.IsKept(interpretationSubmitted: false, hasPlan: true));
    }

    [Fact]
    public void ThePlansDueDate_CountsWorkingDaysAfterPublication_OverNationalDay_AndNeverLaterThanThree()
    {
        var calendar = TestCalendars.China2025To2026;
        var plan = InterpretationPlan.Create(7, InterpretationForm.QuestionsAndAnswers, 3, 2, "  问答  ", "李编辑", Now);
        Assert.Equal("问答", plan.Note);
        // Published Wednesday 30 September: 1–7 October are off (国庆、中秋), so two working days after is Friday 9 October.
        Assert.Equal(new DateOnly(2026, 10, 9), plan.DueOn(new DateOnly(2026, 9, 30), calendar));
        Assert.Equal(new DateOnly(2026, 9, 30), InterpretationPlan.Create(7, InterpretationForm.Text, 3, 0, null, "李编辑", Now).DueOn(new DateOnly(2026, 9, 30), calendar));

        Assert.Throws<DomainException>(() => InterpretationPlan.Create(7, InterpretationForm.Text, 3, 4, null, "李编辑", Now));
        Assert.Throws<DomainException>(() => InterpretationPlan.Create(7, InterpretationForm.Text, 3, -1, null, "李编辑", Now));
        Assert.Throws<DomainException>(() => InterpretationPlan.Create(7, (InterpretationForm)99, 3, 1, null, "李编辑", Now));
        Assert.Throws<DomainException>(() => InterpretationPlan.Create(7, InterpretationForm.Text, 0, 1, null, "李编辑", Now));
        Assert.Throws<DomainException>(() => InterpretationPlan.Create(7, InterpretationForm.Text, 3, 1, new string('长', InterpretationPlan.MaxNoteLength + 1), "李编辑", Now));
    }

    [Fact]
    public void WithAPlan_TheInterpretationIsDueByThePlansDate_NotTheStatutoryOne()
    {
        var calendar = TestCalendars.China2025To2026;
        var published = new DateOnly(2026, 11, 2);
        var planned = calendar.AddWorkingDays(published, 1);
        var statutory = PolicyInterpretations.Assess(published, null, planned.AddDays(1), calendar);
        Assert.Equal(InterpretationStatus.MissingNotYetDue, statutory.Status);
        var withPlan = PolicyInterpretations.Assess(published, null, planned.AddDays(1), calendar, planned);
        Assert.Equal((planned, InterpretationStatus.MissingOverdue, true), (withPlan.DueOn, withPlan.Status, withPlan.ByPlan));
        Assert.False(statutory.ByPlan);
        // A planned date after the statutory one cannot make it later: the statutory date stands, and says so.
        var laterPlan = PolicyInterpretations.Assess(published, null, published, calendar, statutory.DueOn.AddDays(10));
        Assert.Equal((statutory.DueOn, false), (laterPlan.DueOn, laterPlan.ByPlan));
    }
}
