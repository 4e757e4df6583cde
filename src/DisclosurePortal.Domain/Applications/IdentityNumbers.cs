using System.Globalization;

namespace DisclosurePortal.Domain.Applications;

/// <summary>The identity numbers an applicant gives (条例 Art. 29): a resident ID for a person, a credit code for an organisation.</summary>
public static class IdentityNumbers
{
    private static readonly int[] ResidentWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string ResidentCheck = "10X98765432";

    private const string CreditAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] CreditWeights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    /// <summary>
    /// 公民身份号码 (GB 11643-1999): 17 digits with a real date of birth (not after <paramref name="today"/>) at positions
    /// 7–14, then the ISO 7064 MOD 11-2 check character (0–9 or X).
    /// </summary>
    public static bool IsValidResidentId(string? id, DateOnly today)
    {
        if (id is not { Length: 18 }) return false;
        var s = id.ToUpperInvariant();
        for (var i = 0; i < 17; i++) if (!char.IsAsciiDigit(s[i])) return false;
        return HasBirthDate(s, today) && HasResidentCheckCharacter(s);
    }

    /// <summary>Positions 7–14 are a real date of birth, not after <paramref name="today"/> nor before 1900.</summary>
    public static bool HasBirthDate(string id, DateOnly today) =>
        id.Length == 18
        && DateOnly.TryParseExact(id.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var born)
        && born <= today && born.Year >= 1900;

    /// <summary>The 18th character is the ISO 7064 MOD 11-2 check character of the first 17 digits.</summary>
    public static bool HasResidentCheckCharacter(string id)
    {
        if (id.Length != 18) return false;
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            if (!char.IsAsciiDigit(id[i])) return false;
            sum += (id[i] - '0') * ResidentWeights[i];
        }
        return ResidentCheck[sum % 11] == char.ToUpperInvariant(id[17]);
    }

    /// <summary>
    /// 统一社会信用代码 (GB 32100-2015): 18 characters of the 31-character alphabet (no I, O, Z, S, V); the last is
    /// the check character of the first 17 (weights 3^i mod 31).
    /// </summary>
    public static bool IsValidCreditCode(string? code)
    {
        if (code is not { Length: 18 }) return false;
        var s = code.ToUpperInvariant();
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var value = CreditAlphabet.IndexOf(s[i], StringComparison.Ordinal);
            if (value < 0) return false;
            sum += value * CreditWeights[i];
        }
        var check = 31 - (sum % 31);
        return CreditAlphabet[check == 31 ? 0 : check] == s[17];
    }

    /// <summary>A name as lists and the public tracking page show it: the first character, then "*" (张*).</summary>
    public static string MaskName(string? name)
    {
        var trimmed = (name ?? string.Empty).Trim();
        return trimmed.Length == 0 ? "*" : new StringInfo(trimmed).SubstringByTextElements(0, 1) + "*";
    }

    /// <summary>
    /// Shown in lists and logs: of a long number (an 18-character ID or permit) the first 6 and last 4 characters, of a
    /// short one (a travel permit or passport) the first and the last 2; the rest masked.
    /// </summary>
    public static string Mask(string? number) => number switch
    {
        { Length: > 10 } => string.Concat(number.AsSpan(0, 6), new string('*', number.Length - 10), number.AsSpan(number.Length - 4)),
        { Length: >= 5 } => string.Concat(number.AsSpan(0, 1), new string('*', number.Length - 3), number.AsSpan(number.Length - 2)),
        _ => "****",
    };
}
