using System.Globalization;
using DisclosurePortal.Domain.Applications;

namespace DisclosurePortal.Data.Seed;

/// <summary>Identity numbers for the demo county's people and firms: well-formed (check characters right), fictional.</summary>
internal static class DemoIdentities
{
    /// <summary>The demo county's (fictional) area code, as in the departments' credit codes.</summary>
    private const string AreaCode = "511099";

    private const string CreditAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    /// <summary>A 居民身份证 number (GB 11643-1999) of someone born on <paramref name="born"/>.</summary>
    public static string ResidentId(DateOnly born, Random rnd)
    {
        var body = string.Create(CultureInfo.InvariantCulture, $"{AreaCode}{born:yyyyMMdd}{rnd.Next(0, 1000):D3}");
        foreach (var check in "0123456789X")
            if (IdentityNumbers.HasResidentCheckCharacter(body + check)) return body + check;
        throw new InvalidOperationException("No check character fits.");
    }

    /// <summary>A 统一社会信用代码 (GB 32100-2015) of an enterprise registered in the county.</summary>
    public static string CreditCode(Random rnd)
    {
        var body = "91" + AreaCode + "MA" + new string([.. Enumerable.Range(0, 7).Select(_ => CreditAlphabet[rnd.Next(CreditAlphabet.Length)])]);
        foreach (var check in CreditAlphabet)
            if (IdentityNumbers.IsValidCreditCode(body + check)) return body + check;
        throw new InvalidOperationException("No check character fits.");
    }
}
