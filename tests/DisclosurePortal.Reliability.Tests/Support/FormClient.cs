using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using DisclosurePortal.Domain.Applications;

namespace DisclosurePortal.Reliability.Tests.Support;

/// <summary>
/// A browser-like client over real HTTP: keeps its cookies, takes the antiforgery token from a form page and posts the
/// fields with it. Redirects are not followed, so the caller sees the 303 that acknowledges a submission.
/// </summary>
public sealed partial class FormClient : IDisposable
{
    public const string TokenField = "__RequestVerificationToken";
    private readonly HttpClient _http;

    public FormClient(Uri baseAddress, TimeSpan? timeout = null)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = true,
            CookieContainer = new CookieContainer(),
            // After the server is killed, pooled connections are dead: do not keep them long.
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(5),
            ConnectTimeout = TimeSpan.FromSeconds(5),
        };
        _http = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = timeout ?? TimeSpan.FromSeconds(30) };
    }

    public HttpClient Http => _http;

    public async Task<string> TokenFromAsync(string page, CancellationToken ct = default)
    {
        var html = await _http.GetStringAsync(page, ct);
        return Token(html) ?? throw new InvalidOperationException($"no antiforgery token on {page}");
    }

    public static string? Token(string html) => InputValue(html, TokenField);

    /// <summary>The value of the input named exactly <paramref name="name"/> (e.g. a form's hidden concurrency version).</summary>
    public static string? InputValue(string html, string name)
    {
        foreach (Match input in Input().Matches(html))
        {
            if (!input.Value.Contains($"name=\"{name}\"", StringComparison.Ordinal)) continue;
            var value = Value().Match(input.Value);
            if (value.Success) return WebUtility.HtmlDecode(value.Groups[1].Value);
        }
        return null;
    }

    public Task<HttpResponseMessage> PostAsync(string action, string token, IEnumerable<KeyValuePair<string, string>> fields, CancellationToken ct = default)
    {
        var body = new List<KeyValuePair<string, string>>(fields) { new(TokenField, token) };
        return _http.PostAsync(action, new FormUrlEncodedContent(body), ct);
    }

    /// <summary>GETs the form page for a token, then posts the fields.</summary>
    public async Task<HttpResponseMessage> SubmitFormAsync(string page, string action, IEnumerable<KeyValuePair<string, string>> fields, CancellationToken ct = default) =>
        await PostAsync(action, await TokenFromAsync(page, ct), fields, ct);

    /// <summary>Signs in through the login form; true when the portal answered with the redirect of a successful sign-in.</summary>
    public async Task<bool> SignInAsync(string userName, string password, CancellationToken ct = default)
    {
        using var response = await SubmitFormAsync("/account/login", "/account/login",
            [new("UserName", userName), new("Password", password)], ct);
        return response.StatusCode == HttpStatusCode.Redirect;
    }

    public void Dispose() => _http.Dispose();

    [GeneratedRegex("<input[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex Input();

    [GeneratedRegex("value=\"([^\"]*)\"")]
    private static partial Regex Value();
}

/// <summary>An applicant's valid form (条例 Art. 29), each one with a distinct description.</summary>
public static class Applicant
{
    public const string ReceiptPrefix = "/apply/receipt/";
    private static int _sequence;

    public static List<KeyValuePair<string, string>> Form(string tag) =>
    [
        new("ApplicantKind", ((int)ApplicantKind.NaturalPerson).ToString(CultureInfo.InvariantCulture)),
        new("ApplicantName", "李可靠"),
        new("IdentityNumber", ResidentId("51102319850612123")),
        new("ContactPerson", ""),
        new("Contact", "13912345678"),
        new("PostalAddress", "青川县乔庄镇测试路8号"),
        new("InformationDescription", $"青川县2025年农村公路养护资金的使用情况（{tag}-{Interlocked.Increment(ref _sequence)}）"),
        new("ProvisionForm", ((int)ProvisionForm.Electronic).ToString(CultureInfo.InvariantCulture)),
        new("DeliveryMethod", ((int)DeliveryMethod.Post).ToString(CultureInfo.InvariantCulture)),
        new("Website", ""),
    ];

    /// <summary>The query code if the response acknowledges the application (303 to its receipt), else null.</summary>
    public static string? AcknowledgedCode(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.SeeOther
        && response.Headers.Location?.OriginalString is { } location
        && location.StartsWith(ReceiptPrefix, StringComparison.Ordinal)
            ? location[ReceiptPrefix.Length..]
            : null;

    /// <summary>A valid 18-digit resident ID: the check character as GB 11643 computes it.</summary>
    public static string ResidentId(string first17)
    {
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = first17.Select((c, i) => (c - '0') * weights[i]).Sum();
        return first17 + "10X98765432"[sum % 11];
    }
}
