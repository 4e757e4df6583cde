using System.Collections.Frozen;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Localization;

namespace DisclosurePortal.Web.Infrastructure;

/// <summary>Marker type for the shared UI strings.</summary>
public sealed class SharedResource;

/// <summary>
/// zh-CN is the default UI language and its text is the key; English translations are one JSON file
/// (Resources/en.json, embedded). A missing translation falls back to the Chinese text.
/// </summary>
public static class Localization
{
    public const string DefaultCulture = "zh-CN";
    public static readonly string[] Supported = [DefaultCulture, "en"];

    public static IServiceCollection AddPortalLocalization(this IServiceCollection services)
    {
        services.AddSingleton<IStringLocalizerFactory, JsonStringLocalizerFactory>();
        services.AddTransient(typeof(IStringLocalizer<>), typeof(StringLocalizer<>));
        return services;
    }

    public static IApplicationBuilder UsePortalLocalization(this IApplicationBuilder app)
    {
        var cultures = Supported.Select(c => new CultureInfo(c)).ToList();
        var options = new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(DefaultCulture),
            SupportedCultures = cultures,
            SupportedUICultures = cultures,
            FallBackToParentUICultures = true,
        };
        // Only an explicit choice (query string or the cookie set by the switch) changes the language;
        // the browser's Accept-Language does not, so the portal is Chinese unless a visitor picks English.
        options.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        return app.UseRequestLocalization(options);
    }

    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    /// <summary>The colon after a label: full-width in Chinese (公开主体：…), ": " in English.</summary>
    public static string Colon => IsEnglish ? ": " : "：";

    /// <summary>Picks the Chinese or English form of reference data by the current UI culture.</summary>
    public static string Pick(string zh, string en) => IsEnglish ? en : zh;
}

internal sealed class JsonStringLocalizerFactory : IStringLocalizerFactory
{
    private readonly JsonStringLocalizer _localizer = new(LoadEnglish());

    public IStringLocalizer Create(Type resourceSource) => _localizer;

    public IStringLocalizer Create(string baseName, string location) => _localizer;

    private static FrozenDictionary<string, string> LoadEnglish()
    {
        // Resources/en.json plus one en.<feature>.json per feature that wants its own file.
        var assembly = Assembly.GetExecutingAssembly();
        var merged = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.Contains(".Resources.en", StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            foreach (var (key, value) in JsonSerializer.Deserialize<Dictionary<string, string>>(stream) ?? [])
                merged[key] = value;
        }
        return merged.ToFrozenDictionary(StringComparer.Ordinal);
    }
}

internal sealed class JsonStringLocalizer(FrozenDictionary<string, string> english) : IStringLocalizer
{
    public LocalizedString this[string name] => Lookup(name);

    /// <summary>
    /// A key with arguments is a format string; a key without is plain text and is never formatted, so a message that
    /// carries typed text (a domain message, a file name) cannot fail on a "{0}" inside it (issue 15).
    /// </summary>
    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var s = Lookup(name);
            if (arguments is null || arguments.Length == 0) return s;
            return new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, Plurals.Choose(s.Value, arguments), arguments), s.ResourceNotFound);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
        english.Select(kv => new LocalizedString(kv.Key, Localization.IsEnglish ? kv.Value : kv.Key));

    private LocalizedString Lookup(string name)
    {
        if (!Localization.IsEnglish) return new LocalizedString(name, name);
        return english.TryGetValue(name, out var value)
            ? new LocalizedString(name, value)
            : new LocalizedString(name, name, resourceNotFound: true);
    }
}

/// <summary>
/// English plurals in translations: <c>{0} {0|record|records}</c> reads "1 record" and "2 records". The token
/// <c>{n|one|other}</c> becomes its first form when argument n is 1, else its second, before the arguments are put in
/// (Chinese has no plural, so the keys never carry it).
/// </summary>
internal static partial class Plurals
{
    [System.Text.RegularExpressions.GeneratedRegex(@"\{(\d+)\|([^|{}]*)\|([^|{}]*)\}")]
    internal static partial System.Text.RegularExpressions.Regex Token();

    public static string Choose(string format, object[] arguments) =>
        !format.Contains('|', StringComparison.Ordinal) ? format : Token().Replace(format, m =>
        {
            var index = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            var one = index < arguments.Length && IsOne(arguments[index]);
            return one ? m.Groups[2].Value : m.Groups[3].Value;
        });

    /// <summary>A count of one, whether it comes as a number or as its text ("1", as flash messages carry it).</summary>
    private static bool IsOne(object? value) =>
        value is IConvertible c
        && decimal.TryParse(c.ToString(CultureInfo.InvariantCulture), NumberStyles.Number, CultureInfo.InvariantCulture, out var d) && d == 1;
}
