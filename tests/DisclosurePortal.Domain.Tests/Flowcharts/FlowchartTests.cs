using DisclosurePortal.Domain.Applications;
using DisclosurePortal.Domain.Flowcharts;

namespace DisclosurePortal.Domain.Tests.Flowcharts;

public sealed class FlowchartTests
{
    private static FlowStep Step(string actor = "科室", string action = "受理", string? limit = null, params string[] alternatives) =>
        new(FlowText.Literal(actor), FlowText.Literal(action), limit is null ? null : FlowText.Literal(limit), null,
            [.. alternatives.Select(FlowText.Literal)]);

    [Fact]
    public void Flowchart_WithoutSteps_IsRefused()
    {
        var e = Assert.Throws<DomainException>(() => new Flowchart(FlowText.Literal("行政许可流程"), []));
        Assert.Equal("流程图至少要有一个步骤。", e.Message);
    }

    [Theory]
    [InlineData("", "受理", "请填写第1步的办理主体。")]
    [InlineData("科室", "  ", "请填写第1步的办理事项。")]
    public void Flowchart_WithAnEmptyText_SaysWhichStep(string actor, string action, string message)
    {
        var e = Assert.Throws<DomainException>(() => new Flowchart(FlowText.Literal("流程"), [Step(actor, action)]));
        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void Flowchart_WithTooLongOrControlText_IsRefused()
    {
        Assert.Equal("第2步的办理事项不能超过200个字。", Assert.Throws<DomainException>(() =>
            new Flowchart(FlowText.Literal("流程"), [Step(), Step(action: new string('审', Flowchart.MaxActionLength + 1))])).Message);
        Assert.Equal("第1步的分支不能包含控制字符。", Assert.Throws<DomainException>(() =>
            new Flowchart(FlowText.Literal("流程"), [Step(alternatives: "或\u0007退回")])).Message);
        Assert.Equal("流程图名称不能超过100个字。", Assert.Throws<DomainException>(() =>
            new Flowchart(FlowText.Literal(new string('流', 101)), [Step()])).Message);
        Assert.Throws<DomainException>(() => new Flowchart(FlowText.Literal("流程"), Enumerable.Range(0, Flowchart.MaxSteps + 1).Select(_ => Step())));
        Assert.Throws<DomainException>(() => new Flowchart(FlowText.Literal("流程"), [Step(alternatives: [.. Enumerable.Repeat("或", Flowchart.MaxAlternatives + 1)])]));
    }

    [Fact]
    public void Flowchart_KeepsTheStepsInOrder()
    {
        var chart = new Flowchart(FlowText.Literal("流程"), [Step(action: "受理"), Step(action: "审查", limit: "5个工作日"), Step(action: "决定")]);
        Assert.Equal(["受理", "审查", "决定"], chart.Steps.Select(s => s.Action.ToString()));
        Assert.Equal("5个工作日", chart.Steps[1].TimeLimit?.ToString());
    }

    [Fact]
    public void LiteralText_IsNeverFormatted()
    {
        // A department may type braces; a literal is not a template.
        Assert.Equal("{0}个工作日", FlowText.Literal("{0}个工作日").ToString());
        Assert.Equal("7个工作日", FlowText.Of("{0}个工作日", 7).ToString());
    }

    [Fact]
    public void ApplicationProcedure_StatesTheStatutoryLimits_FromTheDeadlineRules()
    {
        var chart = ApplicationProcedure.Flowchart(FeeTiers.StateCouncil2020);
        var text = string.Join("\n", chart.Steps.Select(s => $"{s.Actor}|{s.Action}|{s.TimeLimit}|{s.Citation}|{string.Join("/", s.Alternatives)}"));
        Assert.Equal("提交申请", chart.Steps[0].Action.ToString()[..4]);
        Assert.Contains("收到申请之日起7个工作日内一次性告知", text, StringComparison.Ordinal); // 条例 Art. 30
        Assert.Contains("收到申请之日起20个工作日内答复", text, StringComparison.Ordinal); // Art. 33
        Assert.Contains("最长不超过20个工作日", text, StringComparison.Ordinal); // Art. 33 extension
        Assert.Contains("第三方15个工作日内提出意见", text, StringComparison.Ordinal); // Art. 32
        Assert.Contains("每月申请超过10件的", text, StringComparison.Ordinal); // 109号
        Assert.Contains("60日内", text, StringComparison.Ordinal); // Art. 51
        // Every step says which provision it stands on; the reply lists Art. 36's outcomes as alternatives.
        Assert.All(chart.Steps, s => Assert.StartsWith("条例第", s.Citation?.ToString(), StringComparison.Ordinal));
        var reply = Assert.Single(chart.Steps, s => s.Action.ToString() == "作出答复");
        Assert.True(reply.Alternatives.Count >= 7);
        Assert.Contains(reply.Alternatives, a => a.ToString().StartsWith("不予公开的", StringComparison.Ordinal));
    }

    [Fact]
    public void ApplicationProcedure_FollowsConfiguredFees()
    {
        var chart = ApplicationProcedure.Flowchart(new FeeTiers(FreeItems: 5));
        Assert.Contains(chart.Steps, s => s.Action.ToString().Contains("每月申请超过5件的", StringComparison.Ordinal));
    }

    [Fact]
    public void ApplicationProcedure_NumbersAreArguments_SoTheTemplateTranslates()
    {
        var reply = ApplicationProcedure.Flowchart(FeeTiers.StateCouncil2020).Steps.Single(s => s.Action.Template == "作出答复");
        Assert.Equal([ReplyDeadline.ReplyWorkingDays, ReplyDeadline.MaxExtensionWorkingDays], reply.TimeLimit!.Arguments);
        Assert.DoesNotContain("20", reply.TimeLimit.Template, StringComparison.Ordinal);
    }
}
