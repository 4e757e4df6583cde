using DisclosurePortal.Domain.Publishing;

namespace DisclosurePortal.Data.Seed;

/// <summary>
/// The reviews of a demo publication, as the default review chain asks (issue 21 §6): the three reviews each by a
/// different office reviewer (the demo accounts reviewer, reviewer2 and reviewer3), and 领导审签 by the demo leader for
/// the policy documents; all after the version's submission and before its publication.
/// </summary>
internal static class DemoReviews
{
    /// <summary>The demo accounts' names (DemoAccountsSeeder), so the drafter and different-person rules read them as people.</summary>
    private static readonly string[] Reviewers = ["王审核（县政务公开办）", "周审核（县政务公开办）", "吴审核（县政务公开办）"];
    private const string Leader = "赵领导（县政府办公室分管领导）";

    public static IEnumerable<ReviewDecision> For(RecordVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        var at = version.PublishedAt!.Value;
        var chain = ReviewChain.Default();
        yield return new ReviewDecision(version.Id, ReviewStep.Confidentiality, ReviewOutcome.Passed, Reviewers[0], "不涉及国家秘密。", at.AddHours(-3));
        yield return new ReviewDecision(version.Id, ReviewStep.Legality, ReviewOutcome.Passed, Reviewers[1], "符合法律法规规定。", at.AddHours(-2));
        yield return new ReviewDecision(version.Id, ReviewStep.DisclosureAttribute, ReviewOutcome.Passed, Reviewers[2], "属于主动公开范围。", at.AddHours(-1));
        if (chain.StepsFor(version.Kind).Contains(ReviewStep.Approval))
            yield return new ReviewDecision(version.Id, ReviewStep.Approval, ReviewOutcome.Passed, Leader, "同意发布。", at.AddMinutes(-30));
    }
}
