using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace DisclosurePortal.Web.Tests.Infrastructure;

/// <summary>
/// One POST form as a page renders it, and what a browser would send when a person fills it in: the form's own
/// successful controls (hidden ones included, checked boxes only, the selected options, disabled ones never) with
/// what the test types merged over them. A test cannot post to an action the page has no form for, type into a field
/// the form does not render, choose an option it does not offer, or submit a form without an antiforgery token.
/// </summary>
public sealed class PageForm
{
    private readonly IHtmlFormElement _form;
    private readonly string _page;

    private PageForm(IHtmlFormElement form, string page)
    {
        _form = form;
        _page = page;
    }

    public string Action => ActionOf(_form, _page);

    public bool IsMultipart => string.Equals(_form.GetAttribute("enctype"), "multipart/form-data", StringComparison.OrdinalIgnoreCase);

    /// <summary>The first <c>method=post</c> form on <paramref name="document"/> whose action is <paramref name="action"/>.</summary>
    /// <param name="antiforgery">False only for a form that is meant to carry no token: the 评议 form on the cached
    /// record page (Features/Ratings/RatingsController.RateRecord); every other form must carry one.</param>
    public static PageForm Find(IDocument document, string page, string action, bool antiforgery = true)
    {
        var posts = document.QuerySelectorAll("form").OfType<IHtmlFormElement>()
            .Where(f => string.Equals(f.GetAttribute("method"), "post", StringComparison.OrdinalIgnoreCase))
            .ToList();
        var form = posts.FirstOrDefault(f => ActionOf(f, page) == action)
            ?? throw new InvalidOperationException(
                $"{page} renders no POST form with action {action}; its POST forms go to: {string.Join(", ", posts.Select(f => ActionOf(f, page)).Distinct())}" +
                (posts.Count == 0 ? "(none)" : ""));
        if (!antiforgery)
        {
            if (FieldsNamed(form, Browserish.TokenField).Any())
                throw new InvalidOperationException($"the form {action} on {page} carries an antiforgery token: the cached page would hand one visitor's token to all");
            return new PageForm(form, page);
        }
        if (FieldsNamed(form, Browserish.TokenField).FirstOrDefault()?.GetAttribute("value") is not { Length: > 0 })
            throw new InvalidOperationException($"the form {action} on {page} carries no antiforgery token: a browser's POST would be refused with 400");
        return new PageForm(form, page);
    }

    public static async Task<PageForm> FindAsync(HttpClient client, string page, string action, bool antiforgery = true)
    {
        var (response, document) = await Html.GetAsync(client, page);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"GET {page} answered {(int)response.StatusCode}: no form to fill in");
        return Find(document, page, action, antiforgery);
    }

    /// <summary>
    /// The fields a browser submits after the person typed <paramref name="typed"/> (a name typed several times: the
    /// boxes or options of those values; an empty value for radio buttons or boxes: none chosen) and unticked every box
    /// named in <paramref name="cleared"/>. <paramref name="tampered"/>: the values need not be ones the controls offer,
    /// and names the form lacks are added (what someone editing the page's HTML sends; <see cref="ForgedRequests"/>).
    /// </summary>
    public List<KeyValuePair<string, string>> Fill(IEnumerable<KeyValuePair<string, string>> typed, IEnumerable<string>? cleared = null, bool tampered = false)
    {
        var fields = Successful().ToList();
        var replaced = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in typed)
        {
            var controls = tampered ? Elements().Where(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase)).ToList() : Controls(name);
            var key = controls.Count > 0 ? controls[0].Name : name;
            if (!replaced.TryGetValue(key, out var values)) replaced[key] = values = [];
            if (value.Length == 0 && controls.Count > 0 && controls.All(c => c.Kind is "radio" or "checkbox")) continue; // nothing chosen
            if (!tampered) CheckCanType(controls, name, value);
            values.Add(value);
        }
        foreach (var name in cleared ?? [])
        {
            var controls = Controls(name);
            if (controls.Any(c => c.Kind is not ("checkbox" or "select-multiple")))
                throw new InvalidOperationException($"{name} in the form {Action} on {_page} is not a set of boxes to untick");
            replaced[controls[0].Name] = [];
        }
        var result = new List<KeyValuePair<string, string>>();
        var written = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in fields)
        {
            if (!replaced.TryGetValue(name, out var values)) result.Add(new(name, value));
            else if (written.Add(name)) result.AddRange(values.Select(v => new KeyValuePair<string, string>(name, v)));
        }
        // A box that was not ticked on the page, or a named submit button, is not among the successful controls.
        foreach (var (name, values) in replaced)
            if (written.Add(name)) result.AddRange(values.Select(v => new KeyValuePair<string, string>(name, v)));
        return result;
    }

    /// <summary>The file input's name (the form must be multipart, as a browser needs it to be for an upload).</summary>
    public string FileField()
    {
        if (!IsMultipart)
            throw new InvalidOperationException($"the form {Action} on {_page} is not multipart/form-data: a browser would send the file's name, not the file");
        var files = Elements().Where(e => e.Kind == "file" && !e.Disabled).ToList();
        return files.Count == 1 ? files[0].Name
            : throw new InvalidOperationException($"the form {Action} on {_page} has {files.Count} usable file inputs");
    }

    /// <summary>The names of the form's usable file inputs.</summary>
    public IReadOnlyList<string> FileFields() => Elements().Where(e => e.Kind == "file" && !e.Disabled).Select(e => e.Name).ToList();

    private List<Control> Controls(string name)
    {
        var controls = Elements().Where(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase)).ToList();
        if (controls.Count == 0)
            throw new InvalidOperationException(
                $"the form {Action} on {_page} has no field {name} (it has {string.Join(", ", Elements().Select(e => e.Name).Distinct())})");
        if (controls.All(c => c.Disabled))
            throw new InvalidOperationException($"the field {name} of the form {Action} on {_page} is disabled: nobody can type into it");
        return controls;
    }

    private void CheckCanType(List<Control> controls, string name, string value)
    {
        var choices = controls.Where(c => !c.Disabled).ToList();
        if (choices.All(c => c.Kind is "checkbox" or "radio" or "select-one" or "select-multiple" or "submit"))
        {
            var offered = choices.SelectMany(c => c.Choices).ToList();
            if (!offered.Contains(value, StringComparer.Ordinal))
                throw new InvalidOperationException(
                    $"the field {name} of the form {Action} on {_page} offers {string.Join(", ", offered.Select(o => $"'{o}'"))}, not '{value}'");
        }
        else if (choices.Any(c => c.Kind == "file"))
        {
            throw new InvalidOperationException($"{name} on {_page} is a file input: use Browserish.UploadAsync");
        }
    }

    /// <summary>The form data set of the HTML standard (§4.10.21.4), without a submitter.</summary>
    private IEnumerable<KeyValuePair<string, string>> Successful()
    {
        foreach (var control in Elements())
        {
            if (control.Disabled || control.Name.Length == 0) continue;
            switch (control.Kind)
            {
                case "submit" or "file" or "button" or "reset" or "image":
                    continue;
                case "checkbox" or "radio":
                    if (control.Element.HasAttribute("checked")) yield return new(control.Name, control.Element.GetAttribute("value") ?? "on");
                    continue;
                case "select-one" or "select-multiple":
                    var options = control.Element.QuerySelectorAll("option").Where(o => !o.HasAttribute("disabled")).ToList();
                    var selected = options.Where(o => o.HasAttribute("selected")).ToList();
                    if (selected.Count == 0 && control.Kind == "select-one" && options.Count > 0) selected = [options[0]];
                    foreach (var o in selected) yield return new(control.Name, OptionValue(o));
                    continue;
                case "textarea":
                    yield return new(control.Name, TextareaValue(control.Element));
                    continue;
                default:
                    yield return new(control.Name, control.Element.GetAttribute("value") ?? string.Empty);
                    continue;
            }
        }
    }

    private IEnumerable<Control> Elements()
    {
        // Controls inside the form, and controls elsewhere that name it with form="id".
        var inside = _form.QuerySelectorAll("input, select, textarea, button");
        var id = _form.Id;
        var outside = id is { Length: > 0 }
            ? _form.Owner!.QuerySelectorAll($"[form='{id}']").Where(e => e.Matches("input, select, textarea, button"))
            : [];
        foreach (var element in inside.Concat(outside))
        {
            var form = element.GetAttribute("form");
            if (form is not null && form != id) continue;
            yield return new Control(element, element.GetAttribute("name") ?? string.Empty, KindOf(element), IsDisabled(element));
        }
    }

    private static string KindOf(IElement element) => element.LocalName switch
    {
        "select" => element.HasAttribute("multiple") ? "select-multiple" : "select-one",
        "textarea" => "textarea",
        "button" => (element.GetAttribute("type") ?? "submit").ToLowerInvariant(),
        _ => (element.GetAttribute("type") ?? "text").ToLowerInvariant(),
    };

    private static bool IsDisabled(IElement element)
    {
        if (element.HasAttribute("disabled")) return true;
        for (var parent = element.ParentElement; parent is not null; parent = parent.ParentElement)
        {
            if (parent.LocalName != "fieldset" || !parent.HasAttribute("disabled")) continue;
            // A disabled fieldset's first legend stays enabled.
            var legend = parent.Children.FirstOrDefault(c => c.LocalName == "legend");
            if (legend is null || !legend.Contains(element)) return true;
        }
        return false;
    }

    private static string OptionValue(IElement option) => option.GetAttribute("value") ?? option.TextContent.Trim();

    /// <summary>A textarea's initial value (the parser has already dropped the newline right after its start tag).</summary>
    private static string TextareaValue(IElement textarea) => textarea.TextContent;

    private static IEnumerable<IElement> FieldsNamed(IHtmlFormElement form, string name) =>
        form.QuerySelectorAll("input").Where(i => i.GetAttribute("name") == name);

    /// <summary>The form's action as written (no action: the page itself, as a browser resolves it).</summary>
    private static string ActionOf(IHtmlFormElement form, string page) =>
        form.GetAttribute("action") is { Length: > 0 } action ? action : page;

    private sealed record Control(IElement Element, string Name, string Kind, bool Disabled)
    {
        public IEnumerable<string> Choices => Kind switch
        {
            "select-one" or "select-multiple" => Element.QuerySelectorAll("option").Where(o => !o.HasAttribute("disabled")).Select(OptionValue),
            "checkbox" or "radio" => [Element.GetAttribute("value") ?? "on"],
            "submit" => [Element.GetAttribute("value") ?? string.Empty],
            _ => [],
        };
    }
}
