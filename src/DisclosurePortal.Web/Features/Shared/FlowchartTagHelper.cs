using System.Globalization;
using System.Text;
using System.Net;
using DisclosurePortal.Domain.Flowcharts;
using DisclosurePortal.Web.Infrastructure;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;

namespace DisclosurePortal.Web.Features.Shared;

/// <summary>
/// A flowchart drawn on the server: <c>&lt;dp-flowchart chart="…" flow-id="apply-flow"&gt;</c> renders a figure with an SVG
/// (boxes and arrows stacked vertically, so it reads on a 320 px phone and scales up) and the same steps as an ordered list.
/// <para>
/// The list is the text for screen readers and search; the SVG is one image (<c>role="img"</c>, so its texts are not read
/// one by one) whose name says that the steps follow as a list. Not <c>aria-hidden</c>: a reader hears that there is a
/// chart and where its words are; not <c>aria-describedby</c> the list: that would read every step twice.
/// </para>
/// No script and no style attribute (the CSP forbids inline styles): sizes and colours are SVG presentation attributes,
/// black on white for print; the site CSS only sets the width and the high-contrast colours.
/// </summary>
[HtmlTargetElement("dp-flowchart", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FlowchartTagHelper(IStringLocalizer<SharedResource> localizer) : TagHelper
{
    internal const int Width = 300;
    private const int Margin = 2, Padding = 8, FontSize = 13, SmallFontSize = 12, LineHeight = 18, SmallLineHeight = 16;
    private const int Gap = 26, AlternativeIndent = 22, AlternativeGap = 6;

    public Flowchart? Chart { get; set; }

    /// <summary>The id of the figure; the SVG's title, caption and arrow marker are named after it.</summary>
    public string FlowId { get; set; } = "flow";

    private IStringLocalizer L => localizer;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (Chart is null)
        {
            output.SuppressOutput();
            return;
        }
        var title = Text(Chart.Title);
        output.TagName = "figure";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "flowchart");
        output.Attributes.SetAttribute("id", FlowId);
        output.Attributes.SetAttribute("aria-labelledby", FlowId + "-caption");
        var html = new StringBuilder();
        html.Append("<figcaption id=\"").Append(FlowId).Append("-caption\">").Append(E(title)).Append("</figcaption>\n");
        html.Append(Svg(title));
        html.Append(List());
        output.Content.SetHtmlContent(html.ToString());
    }

    private string Text(FlowText text) =>
        text.Translatable ? L[text.Template, [.. text.Arguments]].Value : text.Template;

    private string Svg(string title)
    {
        var body = new StringBuilder();
        var y = Margin;
        var inner = Width - (2 * Margin) - (2 * Padding);
        var steps = Chart!.Steps;
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            var lines = new List<(string Text, bool Strong, bool Small)>();
            lines.AddRange(Wrap(L["{0}. {1}", i + 1, Text(step.Actor)].Value, inner, FontSize).Select(l => (l, true, false)));
            lines.AddRange(Wrap(Text(step.Action), inner, FontSize).Select(l => (l, false, false)));
            if (step.TimeLimit is { } limit)
                lines.AddRange(Wrap(L["时限："].Value + Text(limit), inner, SmallFontSize).Select(l => (l, false, true)));
            if (step.Citation is { } citation)
                lines.AddRange(Wrap(L["依据："].Value + Text(citation), inner, SmallFontSize).Select(l => (l, false, true)));
            var height = (2 * Padding) + lines.Sum(l => l.Small ? SmallLineHeight : LineHeight) - 4;
            body.Append(CultureInfo.InvariantCulture, $"<g class=\"flow-step\"><rect x=\"{Margin}\" y=\"{y}\" width=\"{Width - (2 * Margin)}\" height=\"{height}\" rx=\"4\" fill=\"#fff\" stroke=\"#000\" stroke-width=\"1.5\"/>");
            var baseline = y + Padding;
            foreach (var (text, strong, small) in lines)
            {
                baseline += small ? SmallLineHeight : LineHeight;
                body.Append(CultureInfo.InvariantCulture, $"<text x=\"{Margin + Padding}\" y=\"{baseline - 5}\" font-size=\"{(small ? SmallFontSize : FontSize)}\"{(strong ? " font-weight=\"bold\"" : "")} fill=\"#000\">{E(text)}</text>");
            }
            body.Append("</g>");
            var top = y;
            y += height;

            if (step.Alternatives.Count > 0)
            {
                // The 或 outcomes hang off the step's left edge, each in a dashed box.
                var altInner = Width - Margin - AlternativeIndent - (2 * Padding);
                var ticks = new List<int>();
                foreach (var alternative in step.Alternatives)
                {
                    y += AlternativeGap;
                    var altLines = Wrap(L["或：{0}", Text(alternative)].Value, altInner, SmallFontSize);
                    var altHeight = (2 * Padding) + (altLines.Count * SmallLineHeight) - 4;
                    body.Append(CultureInfo.InvariantCulture, $"<g class=\"flow-alternative\"><rect x=\"{AlternativeIndent}\" y=\"{y}\" width=\"{Width - Margin - AlternativeIndent}\" height=\"{altHeight}\" rx=\"3\" fill=\"#fff\" stroke=\"#000\" stroke-dasharray=\"4 3\"/>");
                    var altBaseline = y + Padding;
                    foreach (var line in altLines)
                    {
                        altBaseline += SmallLineHeight;
                        body.Append(CultureInfo.InvariantCulture, $"<text x=\"{AlternativeIndent + Padding}\" y=\"{altBaseline - 5}\" font-size=\"{SmallFontSize}\" fill=\"#000\">{E(line)}</text>");
                    }
                    body.Append("</g>");
                    ticks.Add(y + (altHeight / 2));
                    y += altHeight;
                }
                var x = AlternativeIndent / 2;
                body.Append(CultureInfo.InvariantCulture, $"<path class=\"flow-branch\" d=\"M{x} {top + height} V{ticks[^1]}");
                foreach (var t in ticks) body.Append(CultureInfo.InvariantCulture, $" M{x} {t} H{AlternativeIndent}");
                body.Append("\" fill=\"none\" stroke=\"#000\"/>");
            }

            if (i < steps.Count - 1)
            {
                body.Append(CultureInfo.InvariantCulture, $"<line class=\"flow-arrow\" x1=\"{Width / 2}\" y1=\"{y}\" x2=\"{Width / 2}\" y2=\"{y + Gap - 3}\" stroke=\"#000\" stroke-width=\"1.5\" marker-end=\"url(#{FlowId}-arrow)\"/>");
                y += Gap;
            }
        }
        var total = y + Margin;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"flowchart-svg\" viewBox=\"0 0 {Width} {total}\" width=\"{Width}\" height=\"{total}\" role=\"img\" aria-labelledby=\"{FlowId}-title\" font-family=\"sans-serif\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{FlowId}-title\">{E(L["{0}流程图，共{1}步，文字说明见步骤列表", title, steps.Count].Value)}</title>");
        svg.Append(CultureInfo.InvariantCulture, $"<defs><marker id=\"{FlowId}-arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\"><path d=\"M0 0 L10 5 L0 10 z\" fill=\"#000\"/></marker></defs>");
        svg.Append(body).Append("</svg>\n");
        return svg.ToString();
    }

    private string List()
    {
        var html = new StringBuilder();
        html.Append("<ol class=\"flow-steps\" id=\"").Append(FlowId).Append("-steps\">");
        foreach (var step in Chart!.Steps)
        {
            html.Append("<li><strong>").Append(E(Text(step.Actor))).Append("</strong>").Append(E(Localization.Colon)).Append(E(Text(step.Action)));
            if (step.TimeLimit is { } limit)
                html.Append("<br><span class=\"flow-limit\">").Append(E(L["时限："].Value)).Append(E(Text(limit))).Append("</span>");
            if (step.Citation is { } citation)
                html.Append("<br><span class=\"flow-citation\">").Append(E(L["依据："].Value)).Append(E(Text(citation))).Append("</span>");
            if (step.Alternatives.Count > 0)
            {
                html.Append("<ul class=\"flow-alternatives\">");
                foreach (var alternative in step.Alternatives) html.Append("<li>").Append(E(Text(alternative))).Append("</li>");
                html.Append("</ul>");
            }
            html.Append("</li>");
        }
        return html.Append("</ol>\n").ToString();
    }

    /// <summary>
    /// Breaks a text into lines of at most <paramref name="width"/> units: a CJK character is one em, other characters about
    /// 0.6 em; Latin words stay whole, closing punctuation never starts a line.
    /// </summary>
    internal static List<string> Wrap(string text, int width, int fontSize)
    {
        var lines = new List<string>();
        var line = new StringBuilder();
        var used = 0.0;
        foreach (var token in Tokens(text))
        {
            var w = token.Sum(c => Em(c)) * fontSize;
            var closes = token.Length == 1 && "，。；：、）》”’,.;:)!?！？".Contains(token[0], StringComparison.Ordinal);
            if (used + w > width && line.Length > 0 && !closes && !string.IsNullOrWhiteSpace(token))
            {
                lines.Add(line.ToString().TrimEnd());
                line.Clear();
                used = 0;
            }
            if (line.Length == 0 && string.IsNullOrWhiteSpace(token)) continue;
            line.Append(token);
            used += w;
        }
        if (line.Length > 0) lines.Add(line.ToString().TrimEnd());
        return lines;
    }

    private static IEnumerable<string> Tokens(string text)
    {
        var word = new StringBuilder();
        foreach (var c in text)
        {
            if (Em(c) < 1 && !char.IsWhiteSpace(c))
            {
                word.Append(c);
                continue;
            }
            if (word.Length > 0) { yield return word.ToString(); word.Clear(); }
            yield return c.ToString();
        }
        if (word.Length > 0) yield return word.ToString();
    }

    private static double Em(char c) => c >= 0x2E80 || c is '“' or '”' or '‘' or '’' ? 1.0 : c is 'm' or 'w' or 'M' or 'W' ? 0.85 : char.IsUpper(c) ? 0.68 : 0.56;

    private static string E(string s) => WebUtility.HtmlEncode(s);
}
