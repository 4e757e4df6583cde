using DisclosurePortal.Domain.Applications;

namespace DisclosurePortal.Domain.Tests.Applications;

/// <summary>条例 Art. 29's 身份证明: every document a person may give, each checked by its own format and check character.</summary>
public sealed class IdentityDocumentTests
{
    private static readonly DateOnly Today = new(2026, 12, 6);

    [Theory]
    [InlineData(IdentityDocument.ResidentId, "11010519491231002X")]
    [InlineData(IdentityDocument.ResidentId, "110105 19491231 002x")]          // spaces and a lower-case x as people type them
    [InlineData(IdentityDocument.HongKongMacaoResidencePermit, "810000199001010019")]
    [InlineData(IdentityDocument.HongKongMacaoResidencePermit, "820000198512310029")]
    [InlineData(IdentityDocument.TaiwanResidencePermit, "830000200002290031")]  // born on 29 February of a leap year
    [InlineData(IdentityDocument.HongKongMacaoTravelPermit, "H12345678")]
    [InlineData(IdentityDocument.HongKongMacaoTravelPermit, "m1234567801")]    // with the issue count
    [InlineData(IdentityDocument.TaiwanTravelPermit, "12345678")]
    [InlineData(IdentityDocument.ForeignPermanentResidentId, "USA123456789012")]
    [InlineData(IdentityDocument.ForeignPermanentResidentId, "933156198001010011")]
    [InlineData(IdentityDocument.Passport, "E12345678")]
    [InlineData(IdentityDocument.Passport, "X1234-567")]                       // a hyphen is dropped
    public void AWellFormedNumber_HasNoProblem(IdentityDocument document, string number) =>
        Assert.Null(IdentityDocuments.Problem(document, number, Today));

    [Theory]
    [InlineData(IdentityDocument.ResidentId, "110105194912310021", "身份证号码的最后一位（校验码）与前17位不符，请逐位核对。")]
    [InlineData(IdentityDocument.ResidentId, "1101051949123100", "身份证号码应为18位，您填写了16位。")]
    [InlineData(IdentityDocument.ResidentId, "11010519491331002X", "身份证号码第7至14位应为出生日期（年月日），请核对。")]
    [InlineData(IdentityDocument.ResidentId, "11010519491231002Y", "身份证号码的最后一位应为数字或X。")]
    [InlineData(IdentityDocument.ResidentId, "1101051949123100AX", "身份证号码的前17位应为数字。")]
    [InlineData(IdentityDocument.ResidentId, "810000199001010019", "这是港澳台居民居住证的号码，请在“证件类型”中选择相应的居住证。")]
    [InlineData(IdentityDocument.HongKongMacaoResidencePermit, "11010519491231002X", "港澳居民居住证号码应以810000或820000开头。")]
    [InlineData(IdentityDocument.HongKongMacaoResidencePermit, "810000199001010010", "港澳居民居住证号码的最后一位（校验码）与前17位不符，请逐位核对。")]
    [InlineData(IdentityDocument.TaiwanResidencePermit, "830000200102290031", "台湾居民居住证号码第7至14位应为出生日期（年月日），请核对。")]
    [InlineData(IdentityDocument.HongKongMacaoTravelPermit, "K12345678", "港澳居民来往内地通行证号码应为H或M加8位数字，例如 H12345678。")]
    [InlineData(IdentityDocument.TaiwanTravelPermit, "1234567", "台湾居民来往大陆通行证号码应为8位数字（可加2位换证次数）。")]
    [InlineData(IdentityDocument.ForeignPermanentResidentId, "933156198001010012", "外国人永久居留身份证号码的最后一位（校验码）与前17位不符，请逐位核对。")]
    [InlineData(IdentityDocument.ForeignPermanentResidentId, "US123456789012", "外国人永久居留身份证号码应为3个字母加12位数字，或以9开头的18位数字。")]
    [InlineData(IdentityDocument.Passport, "E12", "护照号码应为5至17位字母或数字。")]
    [InlineData(IdentityDocument.Passport, "  ", "请填写证件号码。")]
    public void AWrongNumber_SaysWhatIsWrong(IdentityDocument document, string number, string problem) =>
        Assert.Equal(problem, IdentityDocuments.Problem(document, number, Today));

    [Fact]
    public void EveryDocument_HasANameAndAFormatHint()
    {
        Assert.Equal(7, IdentityDocuments.All.Count);
        Assert.All(IdentityDocuments.All, d =>
        {
            Assert.NotEmpty(IdentityDocuments.Describe(d));
            Assert.NotEmpty(IdentityDocuments.Format(d));
        });
    }

    [Theory]
    [InlineData("810000199001010019", "810000********0019")]
    [InlineData("H12345678", "H******78")]
    [InlineData("USA123456789012", "USA123*****9012")]
    [InlineData("E12", "****")]
    public void Mask_HidesTheMiddleOfEveryKindOfNumber(string number, string masked) =>
        Assert.Equal(masked, IdentityNumbers.Mask(number));

    [Fact]
    public void AProblem_KeepsItsMessageAndArgumentsApart_ForTranslation()
    {
        var problem = IdentityDocuments.Explain(IdentityDocument.HongKongMacaoResidencePermit, "8100001990", Today)!;
        Assert.Equal("{0}应为18位，您填写了{1}位。", problem.Message);
        Assert.Equal("港澳居民居住证号码", problem.Name);
        Assert.Equal(10, problem.Length);
        Assert.Equal("港澳居民居住证号码应为18位，您填写了10位。", problem.ToString());
    }

    [Fact]
    public void ACaseKeepsThePersonsDocument_AndAnOrganisationHasNone()
    {
        var now = new DateTimeOffset(2026, 12, 6, 2, 0, 0, TimeSpan.Zero);
        ApplicationDetails Details(ApplicantKind kind, IdentityDocument document) => new()
        {
            ApplicantKind = kind, ApplicantName = "陈大文", IdentityDocument = document, IdentityNumber = "H12345678",
            Contact = "13800000000", InformationDescription = "2025年度财政预算公开表",
        };

        Assert.Equal(IdentityDocument.HongKongMacaoTravelPermit,
            ApplicationCase.Submit(Details(ApplicantKind.NaturalPerson, IdentityDocument.HongKongMacaoTravelPermit), "ABCDEFGHJKMN", now).IdentityDocument);
        Assert.Null(ApplicationCase.Submit(Details(ApplicantKind.LegalServiceProvider, IdentityDocument.Passport), "ABCDEFGHJKMP", now).IdentityDocument);
        var unknown = Assert.Throws<DomainException>(() => ApplicationCase.Submit(Details(ApplicantKind.NaturalPerson, (IdentityDocument)99), "ABCDEFGHJKMQ", now));
        Assert.Contains("请选择证件类型。", unknown.Message, StringComparison.Ordinal);
    }
}
