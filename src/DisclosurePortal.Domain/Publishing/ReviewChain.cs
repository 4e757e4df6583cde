namespace DisclosurePortal.Domain.Publishing;

/// <summary>What an administrator sets for the county's review chain (issue 21 §6).</summary>
/// <param name="Confidentiality">保密审查 is a step.</param>
/// <param name="Legality">合法性审查 is a step.</param>
/// <param name="DisclosureAttribute">公开属性审查 is a step.</param>
/// <param name="DistinctReviewers">Each step of one submission is taken by a different person.</param>
/// <param name="LeaderKinds">The record kinds that need 领导审签 after the reviews.</param>
public sealed record ReviewChainSettings(bool Confidentiality, bool Legality, bool DisclosureAttribute, bool DistinctReviewers, IReadOnlySet<RecordKind> LeaderKinds)
{
    /// <summary>
    /// The default (issue 21 §6; domain README §4, Haidian 2018, Shishi Fengli): the three reviews, each recorded
    /// separately with its own decision, comment and time; nobody reviews their own draft (always, whatever the
    /// settings); and the leader's approval for the policy documents (规章, 行政规范性文件). One reviewer may take the
    /// three reviews of a draft they did not write (a small county's office may have one); a county that wants each
    /// review by a different person turns <see cref="DistinctReviewers"/> on.
    /// </summary>
    public static readonly ReviewChainSettings Default = new(true, true, true, false, new HashSet<RecordKind>(PolicyInterpretations.PolicyKinds));

    public IEnumerable<ReviewStep> Reviews()
    {
        if (Confidentiality) yield return ReviewStep.Confidentiality;
        if (Legality) yield return ReviewStep.Legality;
        if (DisclosureAttribute) yield return ReviewStep.DisclosureAttribute;
    }
}

/// <summary>
/// The county's review chain (issue 21 §6): which of the three reviews a submitted version needs, whether each is taken
/// by a different person, and which record kinds need 领导审签 at the end. One row; while none is saved the
/// <see cref="ReviewChainSettings.Default"/> applies. The drafter never reviews their own draft, whatever the settings.
/// </summary>
public sealed class ReviewChain
{
    /// <summary>The one row's key.</summary>
    public const int SingletonId = 1;

    private ReviewChain() { LeaderKindCodes = string.Empty; }

    public int Id { get; private set; }
    public bool Confidentiality { get; private set; }
    public bool Legality { get; private set; }
    public bool DisclosureAttribute { get; private set; }
    public bool DistinctReviewers { get; private set; }
    /// <summary>The kinds needing 领导审签, as their numbers separated by commas (e.g. "1,2").</summary>
    public string LeaderKindCodes { get; private set; }
    public string? UpdatedBy { get; private set; }
    public DateTimeOffset? UpdatedAt { get; private set; }
    public int Version { get; private set; }

    /// <summary>The chain in force while no administrator has saved one.</summary>
    public static ReviewChain Default() => From(ReviewChainSettings.Default);

    public static ReviewChain From(ReviewChainSettings settings)
    {
        var chain = new ReviewChain { Id = SingletonId };
        chain.Apply(settings);
        return chain;
    }

    public ReviewChainSettings Settings => new(Confidentiality, Legality, DisclosureAttribute, DistinctReviewers, LeaderKinds);

    public IReadOnlySet<RecordKind> LeaderKinds => LeaderKindCodes
        .Split(',', StringSplitOptions.RemoveEmptyEntries)
        .Select(c => (RecordKind)int.Parse(c, System.Globalization.CultureInfo.InvariantCulture))
        .ToHashSet();

    /// <summary>The steps a version of this kind goes through, in order: the reviews, then 领导审签 where required.</summary>
    public IReadOnlyList<ReviewStep> StepsFor(RecordKind kind)
    {
        var steps = Settings.Reviews().ToList();
        if (LeaderKinds.Contains(kind)) steps.Add(ReviewStep.Approval);
        return steps;
    }

    /// <summary>An administrator's change; answers what changed, in words for the audit log (empty: nothing did).</summary>
    /// <param name="kindName">How a record kind is named in the words (the pages' label, e.g. 行政规范性文件); its number when not given.</param>
    public IReadOnlyList<string> Change(ReviewChainSettings settings, string by, DateTimeOffset now, Func<RecordKind, string>? kindName = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var changes = Changes(Settings, settings, kindName);
        Apply(settings);
        UpdatedBy = Guard.Required(by, nameof(by));
        UpdatedAt = now;
        Version++;
        return changes;
    }

    public static IReadOnlyList<string> Changes(ReviewChainSettings from, ReviewChainSettings to, Func<RecordKind, string>? kindName = null)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        var changes = new List<string>();
        void Flag(string name, bool a, bool b) { if (a != b) changes.Add($"{name}：{(a ? "是" : "否")} → {(b ? "是" : "否")}"); }
        Flag(Reviews.Describe(ReviewStep.Confidentiality), from.Confidentiality, to.Confidentiality);
        Flag(Reviews.Describe(ReviewStep.Legality), from.Legality, to.Legality);
        Flag(Reviews.Describe(ReviewStep.DisclosureAttribute), from.DisclosureAttribute, to.DisclosureAttribute);
        Flag("各环节须由不同人员审查", from.DistinctReviewers, to.DistinctReviewers);
        if (!from.LeaderKinds.SetEquals(to.LeaderKinds))
            changes.Add($"须领导审签的信息类别：{Kinds(from.LeaderKinds, kindName)} → {Kinds(to.LeaderKinds, kindName)}");
        return changes;
    }

    private static string Kinds(IReadOnlySet<RecordKind> kinds, Func<RecordKind, string>? kindName) =>
        kinds.Count == 0 ? "无" : string.Join("、", kinds.Order().Select(k => kindName?.Invoke(k) ?? ((int)k).ToString(System.Globalization.CultureInfo.InvariantCulture)));

    private void Apply(ReviewChainSettings settings)
    {
        if (!settings.Confidentiality && !settings.Legality && !settings.DisclosureAttribute)
            throw new DomainException("至少须设置一项审查（Haidian 2018：发布前须经审查）。");
        if (settings.LeaderKinds.Any(k => !Enum.IsDefined(k))) throw new DomainException("信息类别无效。");
        Confidentiality = settings.Confidentiality;
        Legality = settings.Legality;
        DisclosureAttribute = settings.DisclosureAttribute;
        DistinctReviewers = settings.DistinctReviewers;
        LeaderKindCodes = string.Join(",", settings.LeaderKinds.Order().Select(k => ((int)k).ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }
}

/// <summary>Who takes a review step: their account id and name, and whether they hold the reviewer or the leader role.</summary>
public sealed record ReviewActor(string? UserId, string Name, bool IsReviewer, bool IsLeader);

/// <summary>
/// One submission's round of reviews under a <see cref="ReviewChain"/> (issue 21 §6): the steps are taken in order, each on
/// its own with its own decision; a return or 不予公开 at any step ends the round; the version is published when the last
/// step passes. Only decisions taken since the version was (last) submitted count: a returned and resubmitted draft is
/// reviewed afresh.
/// </summary>
public static class ReviewRound
{
    /// <summary>The decisions of the current round (since the version's last submission), oldest first.</summary>
    public static IReadOnlyList<ReviewDecision> Current(RecordVersion version, IEnumerable<ReviewDecision> decisions)
    {
        ArgumentNullException.ThrowIfNull(version);
        var since = version.SubmittedAt ?? DateTimeOffset.MinValue;
        return decisions.Where(d => d.RecordVersionId == version.Id && d.DecidedAt >= since)
            .OrderBy(d => d.DecidedAt).ThenBy(d => d.Id).ToList();
    }

    /// <summary>The steps of the chain not yet passed in this round, in order.</summary>
    public static IReadOnlyList<ReviewStep> Missing(ReviewChain chain, RecordVersion version, IEnumerable<ReviewDecision> decisions)
    {
        ArgumentNullException.ThrowIfNull(chain);
        var round = Current(version, decisions);
        return chain.StepsFor(version.Kind)
            .Where(step => round.LastOrDefault(d => d.Step == step)?.Outcome != ReviewOutcome.Passed)
            .ToList();
    }

    /// <summary>The step this version waits for (null when none: it is not in review, or every step has passed).</summary>
    public static ReviewStep? Next(ReviewChain chain, RecordVersion version, IEnumerable<ReviewDecision> decisions) =>
        version.State != VersionState.Submitted ? null : Missing(chain, version, decisions).Cast<ReviewStep?>().FirstOrDefault();

    /// <summary>Whether a step may end in 不予公开: the confidentiality and the disclosure-attribute reviews.</summary>
    public static bool MayWithhold(ReviewStep step) => step is ReviewStep.Confidentiality or ReviewStep.DisclosureAttribute;

    /// <summary>Why <paramref name="actor"/> may not take <paramref name="step"/> now, in words a person can read; null when they may.</summary>
    public static string? WhyNot(ReviewChain chain, RecordVersion version, IEnumerable<ReviewDecision> decisions, ReviewStep step, ReviewActor actor)
    {
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(actor);
        if (version.State != VersionState.Submitted)
            return $"该版本当前状态为“{VersionWorkflow.Describe(version.State)}”，不在审核队列中。";
        var all = decisions.ToList();
        if (Next(chain, version, all) is not { } next) return "本稿的审查环节均已完成。";
        if (step != next)
            return chain.StepsFor(version.Kind).Contains(step)
                ? $"本稿当前等待{Reviews.Describe(next)}，须按顺序审查。"
                : $"本县审查流程中本类信息没有“{Reviews.Describe(step)}”环节。";
        if (step == ReviewStep.Approval && !actor.IsLeader) return "领导审签须由领导账户完成。";
        if (step != ReviewStep.Approval && !actor.IsReviewer) return $"{Reviews.Describe(step)}须由公开办审核员完成。";
        // Nobody reviews their own draft (domain README §4), whatever the county's settings.
        if (string.Equals(version.CreatedBy, actor.Name, StringComparison.Ordinal)) return "起草人不能审查自己起草的信息。";
        if (chain.DistinctReviewers && Current(version, all).FirstOrDefault(d => d.Outcome == ReviewOutcome.Passed && d.Step != step && Same(d, actor)) is { } mine)
            return $"本稿的{Reviews.Describe(mine.Step)}已由您完成；按本县审查流程，各环节须由不同人员审查。";
        return null;
    }

    /// <summary>
    /// Records <paramref name="actor"/>'s decision on the step the version waits for; a return or 不予公开 moves the version
    /// at once. Answers the decision, to be saved; when it is the last step passed, the caller publishes with
    /// <see cref="RecordVersion.Approve(ReviewChain, IEnumerable{ReviewDecision}, RecordVersion?, DateOnly, DateTimeOffset)"/>.
    /// </summary>
    public static ReviewDecision Decide(ReviewChain chain, RecordVersion version, IEnumerable<ReviewDecision> decisions, ReviewStep step,
        ReviewOutcome outcome, ReviewActor actor, string? comment, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(version);
        var all = decisions.ToList();
        if (WhyNot(chain, version, all, step, actor) is { } why) throw new DomainException(why);
        if (outcome == ReviewOutcome.Withheld && !MayWithhold(step))
            throw new DomainException($"{Reviews.Describe(step)}不能作出不予公开的结论。");
        var decision = new ReviewDecision(version.Id, step, outcome, actor.Name, comment, now, actor.UserId);
        switch (outcome)
        {
            case ReviewOutcome.Returned: version.Return(comment!, now); break;
            case ReviewOutcome.Withheld: version.Withhold(comment!, now); break;
        }
        return decision;
    }

    /// <summary>Whether everything the chain asks is passed, by the right people (checked again at publication).</summary>
    public static void EnsureComplete(ReviewChain chain, RecordVersion version, IEnumerable<ReviewDecision> decisions)
    {
        var all = decisions.ToList();
        var missing = Missing(chain, version, all);
        if (missing.Count > 0)
            throw new DomainException($"发布前须完成并通过以下审查：{string.Join("、", missing.Select(Reviews.Describe))}。");
        var passes = chain.StepsFor(version.Kind)
            .Select(step => Current(version, all).Last(d => d.Step == step))
            .ToList();
        if (passes.Any(d => string.Equals(d.ReviewerName, version.CreatedBy, StringComparison.Ordinal)))
            throw new DomainException("起草人不能审查自己起草的信息。");
        if (chain.DistinctReviewers && passes.GroupBy(d => d.ReviewerId ?? d.ReviewerName).Any(g => g.Count() > 1))
            throw new DomainException("按本县审查流程，各环节须由不同人员审查。");
    }

    private static bool Same(ReviewDecision d, ReviewActor actor) =>
        d.ReviewerId is not null && actor.UserId is not null ? d.ReviewerId == actor.UserId : d.ReviewerName == actor.Name;
}
