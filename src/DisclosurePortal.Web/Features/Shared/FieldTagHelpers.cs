using DisclosurePortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.TagHelpers;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;

namespace DisclosurePortal.Web.Features.Shared;

/// <summary>
/// A labelled form field, written once: <c>&lt;dp-field for="Title" label="标题" hint="…"&gt;&lt;input asp-for="Title" type="text"&gt;&lt;/dp-field&gt;</c>
/// renders <c>div.field</c> with the label (for the control's id), the control, the hint and the field's errors from
/// ModelState (through the localizer); the control inside points at its hint and error (<see cref="FieldControlTagHelper"/>).
/// Label and hint are localizer keys (the Chinese text).
/// </summary>
[HtmlTargetElement("dp-field")]
public sealed class FieldTagHelper(IStringLocalizer<SharedResource> localizer) : TagHelper
{
    [HtmlAttributeName("for")]
    public ModelExpression For { get; set; } = null!;

    public string Label { get; set; } = "";

    /// <summary>
    /// When set, the label is content typed by staff (a questionnaire's question), not a localizer key: written as is, in
    /// a span marked with this language, so that the English page does not pretend to translate it.
    /// </summary>
    public string? ContentLang { get; set; }

    public string? Hint { get; set; }

    /// <summary>Always required: "必填" is written after the label (in words, not colour alone) and the control gets aria-required.</summary>
    public bool Required { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Init(TagHelperContext context) => context.Items[typeof(FieldTagHelper)] = this;

    /// <summary>The bound field's name (as the form posts it) and its element id.</summary>
    internal string Name => FieldNames.Of(ViewContext, For);

    internal string Id => TagBuilder.CreateSanitizedId(Name, "_");

    internal string DescribedBy => Hint is { Length: > 0 } ? $"{Id}-error {Id}-hint" : $"{Id}-error";

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var control = await output.GetChildContentAsync();
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "field");
        var id = Id;
        output.Content.AppendHtml($"\n    <label for=\"{id}\">");
        FieldNames.AppendText(output, localizer, Label, ContentLang);
        if (Required) FieldNames.AppendRequiredMark(output, localizer);
        output.Content.AppendHtml("</label>");
        output.Content.AppendHtml(control);
        FieldNames.AppendHintAndError(output, localizer, ViewContext, Name, id, Hint);
    }
}

/// <summary>
/// A group of radio buttons or check boxes with one legend: <c>&lt;dp-choices for="Kind" legend="类型"&gt;&lt;label&gt;&lt;input type="radio"
/// asp-for="Kind" value="Off"&gt; 休息日&lt;/label&gt;…&lt;/dp-choices&gt;</c> renders <c>fieldset.field</c> pointing at its hint and
/// error, the legend, the choices in <c>div.checks</c>, and the group's errors. Each radio gets its own id
/// (<c>Kind-Off</c>) unless it names one.
/// </summary>
[HtmlTargetElement("dp-choices")]
public sealed class ChoicesTagHelper(IStringLocalizer<SharedResource> localizer) : TagHelper
{
    [HtmlAttributeName("for")]
    public ModelExpression For { get; set; } = null!;

    public string Legend { get; set; } = "";

    /// <summary>
    /// When set, the legend is content typed by staff (a questionnaire's question), not a localizer key: written as is, in
    /// a span marked with this language, so that the English page does not pretend to translate it.
    /// </summary>
    public string? ContentLang { get; set; }

    public string? Hint { get; set; }

    /// <summary>A choice must be made: "必填" is written after the legend.</summary>
    public bool Required { get; set; }

    /// <summary>The class of the box around the choices ("checks" unless told).</summary>
    public string ChecksClass { get; set; } = "checks";

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Init(TagHelperContext context) => context.Items[typeof(ChoicesTagHelper)] = this;

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var choices = await output.GetChildContentAsync();
        var name = FieldNames.Of(ViewContext, For);
        var id = TagBuilder.CreateSanitizedId(name, "_");
        output.TagName = "fieldset";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "field");
        output.Attributes.SetAttribute("aria-describedby", Hint is { Length: > 0 } ? $"{id}-hint {id}-error" : $"{id}-error");
        output.Content.AppendHtml("\n    <legend>");
        FieldNames.AppendText(output, localizer, Legend, ContentLang);
        if (Required) FieldNames.AppendRequiredMark(output, localizer);
        output.Content.AppendHtml("</legend>");
        if (Hint is { Length: > 0 })
            output.Content.AppendHtml($"\n    <p id=\"{id}-hint\" class=\"hint\">").Append(localizer[Hint].Value).AppendHtml("</p>");
        output.Content.AppendHtml($"\n    <div class=\"{ChecksClass}\">").AppendHtml(choices).AppendHtml("</div>");
        FieldNames.AppendHintAndError(output, localizer, ViewContext, name, id, hint: null);
    }
}

/// <summary>
/// Every control bound with <c>asp-for</c>: says when it is invalid (<c>aria-invalid</c>, the portal's style keys on it,
/// instead of the framework's class), inside a <see cref="FieldTagHelper"/> points at the field's hint and error, and
/// gives a radio button or check box its own id (<c>{name}-{value}</c>) unless it names one.
/// </summary>
[HtmlTargetElement("input", Attributes = "asp-for")]
[HtmlTargetElement("select", Attributes = "asp-for")]
[HtmlTargetElement("textarea", Attributes = "asp-for")]
public sealed class FieldControlTagHelper : TagHelper
{
    /// <summary>After the framework's input/select/textarea helpers, which write the id, name and value.</summary>
    public override int Order => 100;

    [HtmlAttributeName("asp-for")]
    public ModelExpression For { get; set; } = null!;

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = FieldNames.Of(ViewContext, For);
        if (ViewContext.ViewData.ModelState[name] is { Errors.Count: > 0 }) output.Attributes.SetAttribute("aria-invalid", "true");
        if (FieldNames.ClassOf(output.Attributes["class"]) is { } cls && cls.Contains("input-validation-error", StringComparison.Ordinal))
        {
            var rest = string.Join(' ', cls.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(c => c != "input-validation-error"));
            if (rest.Length == 0) output.Attributes.RemoveAll("class"); else output.Attributes.SetAttribute("class", rest);
        }
        if (context.Items.TryGetValue(typeof(FieldTagHelper), out var f) && f is FieldTagHelper field)
        {
            if (!output.Attributes.ContainsName("aria-describedby")) output.Attributes.SetAttribute("aria-describedby", field.DescribedBy);
            if (field.Required) output.Attributes.SetAttribute("aria-required", "true");
        }
        var type = context.AllAttributes["type"]?.Value?.ToString();
        if (type is "radio" or "checkbox" && !context.AllAttributes.ContainsName("id") && context.AllAttributes["value"]?.Value is { } value)
            output.Attributes.SetAttribute("id", TagBuilder.CreateSanitizedId($"{name}-{value}", "_"));
    }
}

/// <summary>
/// The posted name of a model field on an element no framework helper binds — a submit button's value
/// (<c>&lt;button dp-name="Intent" value="save"&gt;</c>) or one of a list of check boxes (<c>dp-name="Channels"</c>).
/// </summary>
[HtmlTargetElement("*", Attributes = "dp-name")]
[HtmlTargetElement("input", Attributes = "dp-name", TagStructure = TagStructure.WithoutEndTag)]
public sealed class BoundNameTagHelper : TagHelper
{
    [HtmlAttributeName("dp-name")]
    public ModelExpression For { get; set; } = null!;

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output) =>
        output.Attributes.SetAttribute("name", FieldNames.Of(ViewContext, For));
}

/// <summary>A field's messages where the layout is not a <c>dp-field</c> (a table cell): <c>&lt;dp-error for="Licensing" /&gt;</c>.</summary>
[HtmlTargetElement("dp-error", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FieldErrorTagHelper(IStringLocalizer<SharedResource> localizer) : TagHelper
{
    [HtmlAttributeName("for")]
    public ModelExpression For { get; set; } = null!;

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = FieldNames.Of(ViewContext, For);
        output.TagName = "span";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("id", TagBuilder.CreateSanitizedId(name, "_") + "-error");
        output.Attributes.SetAttribute("class", "field-error");
        output.Content.SetContent(localizer.ErrorsFor(ViewContext.ViewData.ModelState, name));
    }
}

internal static class FieldNames
{
    /// <summary>A label's or legend's text: the localized key, or (with a content language) the staff's own words in a span of that language.</summary>
    public static void AppendText(TagHelperOutput output, IStringLocalizer<SharedResource> localizer, string text, string? contentLang)
    {
        if (contentLang is { Length: > 0 })
            output.Content.AppendHtml($"<span lang=\"{System.Net.WebUtility.HtmlEncode(contentLang)}\">").Append(text).AppendHtml("</span>");
        else
            output.Content.Append(localizer[text].Value);
    }

    /// <summary>An attribute's text, whether Razor gave it as a string or as HTML content (a class written with an @-expression).</summary>
    public static string? ClassOf(TagHelperAttribute? attribute)
    {
        switch (attribute?.Value)
        {
            case null: return null;
            case string s: return s;
            case Microsoft.AspNetCore.Html.IHtmlContent html:
                using (var writer = new StringWriter())
                {
                    html.WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
                    return System.Net.WebUtility.HtmlDecode(writer.ToString());
                }
            default: return attribute.Value.ToString();
        }
    }

    /// <summary>"必填" after a label or legend: in words, so that it does not rest on colour or an asterisk.</summary>
    public static void AppendRequiredMark(TagHelperOutput output, IStringLocalizer localizer) =>
        output.Content.AppendHtml(" <span class=\"required-mark\">").Append(localizer["必填"].Value).AppendHtml("</span>");

    public static string Of(ViewContext view, ModelExpression field) => view.ViewData.TemplateInfo.GetFullHtmlFieldName(field.Name);

    public static void AppendHintAndError(TagHelperOutput output, IStringLocalizer localizer, ViewContext view, string name, string id, string? hint)
    {
        if (hint is { Length: > 0 })
            output.Content.AppendHtml($"\n    <p id=\"{id}-hint\" class=\"hint\">").Append(localizer[hint].Value).AppendHtml("</p>");
        output.Content.AppendHtml($"\n    <span id=\"{id}-error\" class=\"field-error\">")
            .Append(localizer.ErrorsFor(view.ViewData.ModelState, name)).AppendHtml("</span>\n");
    }
}

/// <summary>
/// A dashboard's count: <c>&lt;span class="stat" dp-count="@n"&gt;</c> writes the number, and a zero is marked
/// <c>stat-zero</c> so that it is not shown in the alarm colour (issue 18: zeros are not red).
/// </summary>
[HtmlTargetElement("span", Attributes = "dp-count")]
public sealed class CountTagHelper : TagHelper
{
    [HtmlAttributeName("dp-count")]
    public int Count { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.Content.SetContent(Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (Count == 0) output.AddClass("stat-zero", System.Text.Encodings.Web.HtmlEncoder.Default);
    }
}
