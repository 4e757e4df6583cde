using System.Globalization;

namespace DisclosurePortal.Domain.Flowcharts;

/// <summary>
/// A text of a flowchart: a Chinese template with its arguments (the web translates the template, so a number that comes
/// from a rule is an argument, never baked into the words), or a literal typed by a person (shown as typed).
/// </summary>
public sealed record FlowText
{
    private FlowText(string template, IReadOnlyList<object> arguments, bool translatable)
    {
        Template = template;
        Arguments = arguments;
        Translatable = translatable;
    }

    public string Template { get; }

    public IReadOnlyList<object> Arguments { get; }

    /// <summary>False for text typed by a person: it is not a translation key and is never formatted.</summary>
    public bool Translatable { get; }

    /// <summary>A text of the portal's own, translated by its template.</summary>
    public static FlowText Of(string template, params object[] arguments) => new(template, arguments, translatable: true);

    /// <summary>Text typed by a person (a department's own flowchart), shown as it was typed.</summary>
    public static FlowText Literal(string text) => new(text, [], translatable: false);

    /// <summary>The Chinese text.</summary>
    public override string ToString() =>
        Translatable && Arguments.Count > 0 ? string.Format(CultureInfo.InvariantCulture, Template, [.. Arguments]) : Template;
}

/// <summary>
/// One step of a flowchart: who acts, what they do, in what time, and on which rule it stands. <see cref="Alternatives"/>
/// are the "或" outcomes of the step (a 补正 notice, the reply types) drawn and listed under it.
/// </summary>
public sealed record FlowStep
{
    public FlowStep(FlowText actor, FlowText action, FlowText? timeLimit = null, FlowText? citation = null, IReadOnlyList<FlowText>? alternatives = null)
    {
        Actor = actor;
        Action = action;
        TimeLimit = timeLimit;
        Citation = citation;
        Alternatives = alternatives ?? [];
    }

    public FlowText Actor { get; }

    public FlowText Action { get; }

    public FlowText? TimeLimit { get; }

    /// <summary>The provision the step stands on (条例第三十三条).</summary>
    public FlowText? Citation { get; }

    public IReadOnlyList<FlowText> Alternatives { get; }
}

/// <summary>
/// A procedure as ordered steps (权力运行流程图; issue 20 §5): drawn by the web as a vertical chart with a text list beside it.
/// The limits keep every box readable on a phone and every department's chart printable.
/// </summary>
public sealed class Flowchart
{
    public const int MaxTitleLength = 100;
    public const int MaxSteps = 30;
    public const int MaxActorLength = 50;
    public const int MaxActionLength = 200;
    public const int MaxTimeLimitLength = 100;
    public const int MaxCitationLength = 100;
    public const int MaxAlternatives = 10;
    public const int MaxAlternativeLength = 200;

    public Flowchart(FlowText title, IEnumerable<FlowStep> steps)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(steps);
        var list = steps.ToList();
        Check(title, "流程图名称", MaxTitleLength, 0);
        if (list.Count == 0) throw new DomainException("流程图至少要有一个步骤。");
        if (list.Count > MaxSteps) throw new DomainException($"流程图最多{MaxSteps}个步骤。");
        for (var i = 0; i < list.Count; i++)
        {
            var step = list[i] ?? throw new DomainException($"第{i + 1}步为空。");
            var n = i + 1;
            Check(step.Actor, "办理主体", MaxActorLength, n);
            Check(step.Action, "办理事项", MaxActionLength, n);
            if (step.TimeLimit is { } limit) Check(limit, "办理时限", MaxTimeLimitLength, n);
            if (step.Citation is { } citation) Check(citation, "依据", MaxCitationLength, n);
            if (step.Alternatives.Count > MaxAlternatives) throw new DomainException($"第{n}步的分支最多{MaxAlternatives}项。");
            foreach (var alternative in step.Alternatives) Check(alternative, "分支", MaxAlternativeLength, n);
        }
        Title = title;
        Steps = list;
    }

    public FlowText Title { get; }

    public IReadOnlyList<FlowStep> Steps { get; }

    private static void Check(FlowText? text, string what, int max, int step)
    {
        var where = step == 0 ? "" : $"第{step}步的";
        var value = text?.ToString();
        if (string.IsNullOrWhiteSpace(value)) throw new DomainException($"请填写{where}{what}。");
        if (value.Length > max) throw new DomainException($"{where}{what}不能超过{max}个字。");
        if (value.Any(char.IsControl)) throw new DomainException($"{where}{what}不能包含控制字符。");
    }
}
