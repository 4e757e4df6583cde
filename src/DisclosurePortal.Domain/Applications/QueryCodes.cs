using System.Security.Cryptography;

namespace DisclosurePortal.Domain.Applications;

/// <summary>
/// 查询码: the applicant's only key to the case, so it is random (not a sequence someone could walk) and easy to copy
/// down: 12 characters of an alphabet without 0/O, 1/I/L. 31^12 ≈ 7.9 × 10^17 codes.
/// </summary>
public static class QueryCodes
{
    public const int Length = 12;
    public const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    public static string New() => RandomNumberGenerator.GetString(Alphabet, Length);

    /// <summary>
    /// The code as typed, trimmed, in capitals, with the spaces and hyphens people add when copying it; null when it cannot
    /// be a code (wrong length or a character outside the alphabet).
    /// </summary>
    public static string? Normalise(string? typed)
    {
        if (typed is null || typed.Length > 64) return null;
        var code = string.Concat(typed.Where(c => !char.IsWhiteSpace(c) && c != '-')).ToUpperInvariant();
        return code.Length == Length && code.All(c => Alphabet.Contains(c, StringComparison.Ordinal)) ? code : null;
    }
}
