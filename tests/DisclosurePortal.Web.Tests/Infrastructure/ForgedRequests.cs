using AngleSharp.Dom;

namespace DisclosurePortal.Web.Tests.Infrastructure;

/// <summary>
/// Requests no page renders: a valid antiforgery token of the client's session, taken from any page, posted with the
/// fields the test chooses. Only for tests of what the server refuses to such requests (a wrong role or department,
/// hostile values, an action the page does not offer in the current state). A test of a form uses
/// <see cref="Browserish.PostFormAsync(HttpClient, string, string, Dictionary{string, string})"/>.
/// </summary>
public static class ForgedRequests
{
    public static async Task<string> TokenAsync(HttpClient client, string page)
    {
        var (response, doc) = await Html.GetAsync(client, page);
        return Token(doc) ?? throw new InvalidOperationException($"no antiforgery token on {page} ({response.StatusCode})");
    }

    public static string? Token(IDocument doc) => doc.QuerySelector($"input[name={Browserish.TokenField}]")?.GetAttribute("value");

    /// <summary>
    /// The page's own form, with its token and fields, but values its controls do not offer and fields it does not
    /// render (what someone editing the page's HTML, or a script, sends): for tests of hostile values.
    /// </summary>
    public static async Task<HttpResponseMessage> TamperedFormAsync(HttpClient client, string formPage, string action, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var form = await PageForm.FindAsync(client, formPage, action);
        return await client.PostAsync(action, new FormUrlEncodedContent(form.Fill(fields, tampered: true)));
    }

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string action, string token, IEnumerable<KeyValuePair<string, string>> fields) =>
        client.PostAsync(action, new FormUrlEncodedContent(fields.Append(new(Browserish.TokenField, token))));
}
