using System.Net;
using System.Runtime.CompilerServices;
using DisclosurePortal.Domain.Applications;
using DisclosurePortal.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace DisclosurePortal.Web.Tests.Apply;

/// <summary>Applicants' test data, and the app with rate limits high enough for a test class's many submissions.</summary>
public static class ApplySupport
{
    public const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    private static readonly ConditionalWeakTable<PortalFactory, WebApplicationFactory<Program>> Roomy = [];

    /// <summary>
    /// The fixture's app with limits no test class reaches (the test server has no client IP, so every request of a class
    /// shares one window); built once per fixture, on the fixture's database.
    /// </summary>
    public static WebApplicationFactory<Program> WithRoomyLimits(PortalFactory factory) =>
        Roomy.GetValue(factory, f => Limited(f, applyPermits: 10_000, trackPermits: 10_000));

    /// <summary>The fixture's app with these limits, started (so the database is migrated before a test reads it).</summary>
    public static WebApplicationFactory<Program> Limited(PortalFactory factory, int applyPermits, int trackPermits)
    {
        var app = factory.WithWebHostBuilder(b =>
        {
            b.UseSetting("RateLimits:Apply:PermitLimit", applyPermits.ToString(System.Globalization.CultureInfo.InvariantCulture));
            b.UseSetting("RateLimits:Apply:WindowSeconds", "600");
            b.UseSetting("RateLimits:Track:PermitLimit", trackPermits.ToString(System.Globalization.CultureInfo.InvariantCulture));
            b.UseSetting("RateLimits:Track:WindowSeconds", "600");
        });
        _ = app.Server;
        return app;
    }

    public static HttpClient Client(WebApplicationFactory<Program> app) => app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>A valid 18-digit resident ID: the check character computed as GB 11643 says.</summary>
    public static string ResidentId(string first17 = "51102319850612123")
    {
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = first17.Select((c, i) => (c - '0') * weights[i]).Sum();
        var id = first17 + "10X98765432"[sum % 11];
        Assert.True(IdentityNumbers.IsValidResidentId(id, new DateOnly(2026, 1, 1)));
        return id;
    }

    /// <summary>A valid 统一社会信用代码 (GB 32100).</summary>
    public static string CreditCode(string first17 = "91511023MA6200001")
    {
        const string alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        int[] weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
        var sum = first17.Select((c, i) => alphabet.IndexOf(c, StringComparison.Ordinal) * weights[i]).Sum();
        var check = 31 - (sum % 31);
        var code = first17 + alphabet[check == 31 ? 0 : check];
        Assert.True(IdentityNumbers.IsValidCreditCode(code));
        return code;
    }

    public static Dictionary<string, string> Valid() => new()
    {
        ["ApplicantKind"] = ((int)ApplicantKind.NaturalPerson).ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["ApplicantName"] = "张三丰",
        ["IdentityNumber"] = ResidentId(),
        ["ContactPerson"] = "",
        ["Contact"] = "13912345678",
        ["PostalAddress"] = "青川县乔庄镇测试路8号",
        ["InformationDescription"] = $"2025年青川县乔庄镇老旧小区改造项目的立项批复（青发改〔2025〕18号） {Guid.NewGuid():N}",
        ["ProvisionForm"] = ((int)ProvisionForm.Electronic).ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["DeliveryMethod"] = ((int)DeliveryMethod.Post).ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["website"] = "",
    };

    public static Task<HttpResponseMessage> SubmitAsync(HttpClient client, Dictionary<string, string> form) =>
        Browserish.PostFormAsync(client, "/apply", "/apply", form);

    /// <summary>The application form with values its controls do not offer (hostile-input tests).</summary>
    public static Task<HttpResponseMessage> SubmitTamperedAsync(HttpClient client, Dictionary<string, string> form) =>
        ForgedRequests.TamperedFormAsync(client, "/apply", "/apply", form);

    /// <summary>Submits a valid application and returns its query code (from the 303's Location).</summary>
    public static async Task<string> SubmitValidAsync(HttpClient client, Dictionary<string, string>? form = null)
    {
        var response = await SubmitAsync(client, form ?? Valid());
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/apply/receipt/", location, StringComparison.Ordinal);
        return location["/apply/receipt/".Length..];
    }
}
