using System.IO.Compression;
using DisclosurePortal.Web.Features.ManageRecords;
using DisclosurePortal.Web.Infrastructure;

namespace DisclosurePortal.Web.Tests.ManageRecords;

/// <summary>A Word body becomes the portal's stored body (issue 18): what Word shows is what the record page shows.</summary>
public sealed class WordBodyTests
{
    [Fact]
    public void HeadingsParagraphsListsTablesLinksAndPictures_BecomeTheStoredBody()
    {
        Assert.True(WordBodyReader.TryRead(new MemoryStream(WordFiles.AllKinds()), out var body, out var problem), problem);
        Assert.Equal(
            """
            # 一、补贴对象

            符合条件的**农村低收入群体**，详见[中国政府网](https://www.gov.cn/zhengce/)。

            1. 提交申请表
            2. 核验身份证明
            - 户口簿
            - 银行卡

            | 乡镇 | 补助金额（元） |  |
            | --- | --- | --- |
            | 乔庄镇 | 12000 | 已拨付 |
            | 竹园镇 | 8000\|另计 |  |

            现场照片：（图片：图片1.png，见附件）

            1.此行不是列表

            ## （一）资金来源
            """.ReplaceLineEndings("\n"), body.Markdown);
        var image = Assert.Single(body.Images);
        Assert.Equal(("图片1.png", "image/png"), (image.FileName, image.ContentType));
        Assert.Equal(WordFiles.Png, image.Content);

        // As a reader sees it: a heading, bold, a link, two lists, a table with its header row.
        var html = new MarkdownRenderer().Render(body.Markdown).ToString()!;
        Assert.Contains("<h1>一、补贴对象</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<strong>农村低收入群体</strong>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://www.gov.cn/zhengce/\"", html, StringComparison.Ordinal);
        Assert.Contains("<ol>", html, StringComparison.Ordinal);
        Assert.Contains("<ul>", html, StringComparison.Ordinal);
        Assert.Contains("<th>乡镇</th>", html, StringComparison.Ordinal);
        Assert.Contains("<td>8000|另计</td>", html, StringComparison.Ordinal);
        Assert.Contains("<p>1.此行不是列表</p>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void MarkupCharactersInTheText_StayText()
    {
        Assert.True(WordBodyReader.TryRead(new MemoryStream(WordFiles.Paragraphs("# 不是标题", "a*b*c [链接](http://x) <b>", "- 不是列表")), out var body, out _));
        var html = new MarkdownRenderer().Render(body.Markdown).ToString()!;
        Assert.Equal("<p># 不是标题</p>\n<p>a*b*c [链接](http://x) &lt;b&gt;</p>\n<p>- 不是列表</p>\n", html);
    }

    [Theory]
    [InlineData("not a zip")]
    [InlineData("PK\u0003\u0004garbage")]
    public void AFileThatIsNotADocx_IsRefusedWithAReason(string content)
    {
        Assert.False(WordBodyReader.TryRead(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(content)), out _, out var problem));
        Assert.Equal(WordBodyReader.NotADocx, problem);
    }

    [Fact]
    public void AZipThatIsNotAWordDocument_IsRefused()
    {
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        using (var writer = new StreamWriter(archive.CreateEntry("readme.txt").Open())) writer.Write("hello");
        Assert.False(WordBodyReader.TryRead(new MemoryStream(zip.ToArray()), out _, out var problem));
        Assert.Equal(WordBodyReader.NotADocx, problem);
    }

    [Fact]
    public void ADocumentWithoutText_SaysSo()
    {
        Assert.False(WordBodyReader.TryRead(new MemoryStream(WordFiles.Paragraphs("  ")), out _, out var problem));
        Assert.Equal("该 Word 文件中没有文字。", problem);
    }
}
