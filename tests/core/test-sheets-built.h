/* test-sheets-built.h: workbooks built part by part as other programs write them: inline strings, phonetic runs, prefixes, targets, strict OOXML, damage
 * Included by test-sheets.c.
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* Apache POI's SXSSF writes every text as an inline string. */
static void
test_built_inline_strings (void)
{
  g_autoptr(GBytes) bytes = build_zip (
    ONE_SHEET_BOOK,
    "xl/sharedStrings.xml", XML_DECL "<sst xmlns=\"" MAIN_NS "\" count=\"0\" uniqueCount=\"0\"/>",
    "xl/styles.xml", XML_DECL "<styleSheet xmlns=\"" MAIN_NS "\"><cellXfs count=\"1\"><xf numFmtId=\"0\"/></cellXfs></styleSheet>",
    "xl/worksheets/sheet1.xml",
    XML_DECL "<worksheet xmlns=\"" MAIN_NS "\"><dimension ref=\"A1\"/><sheetViews><sheetView workbookViewId=\"0\" tabSelected=\"true\"/></sheetViews>"
    "<sheetFormatPr defaultRowHeight=\"15.0\"/><sheetData>"
    "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>姓名</t></is></c><c r=\"B1\" t=\"inlineStr\"><is><t>电话</t></is></c></row>"
    "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t xml:space=\"preserve\"> 王䶮 </t></is></c><c r=\"B2\" t=\"n\"><v>13800001234</v></c></row>"
    "<row r=\"3\"><c r=\"A3\" t=\"inlineStr\"><is><r><t>李</t></r><r><rPr><b/></rPr><t>𡒄</t></r></is></c><c r=\"B3\" t=\"inlineStr\"><is><t>0431-88886666</t></is></c></row>"
    "</sheetData><pageMargins bottom=\"0.75\" footer=\"0.3\" header=\"0.3\" left=\"0.7\" right=\"0.7\" top=\"0.75\"/></worksheet>",
    NULL);

  assert_dump (bytes, NULL,
               "1: 0=姓名 1=电话\n"
               "2: 0=王䶮/T 1=13800001234/N\n"
               "3: 0=李𡒄/T 1=0431-88886666/T\n");
}

/* Excel and WPS keep phonetic readings (<rPh>) beside CJK text, and
 * escape control characters as _xHHHH_. */
static void
test_built_phonetic (void)
{
  g_autoptr(GBytes) bytes = build_zip (
    ONE_SHEET_BOOK,
    "xl/sharedStrings.xml",
    XML_DECL "<sst xmlns=\"" MAIN_NS "\" count=\"5\" uniqueCount=\"5\">"
    "<si><t>姓名</t><phoneticPr fontId=\"1\" type=\"noConversion\"/></si>"
    "<si><r><rPr><sz val=\"11\"/><rFont val=\"宋体\"/><charset val=\"134\"/></rPr><t>王</t></r>"
    "<r><rPr><sz val=\"11\"/><rFont val=\"宋体\"/></rPr><t>䶮</t></r>"
    "<rPh sb=\"0\" eb=\"1\"><t>wáng</t></rPh><rPh sb=\"1\" eb=\"2\"><t>yǎn</t></rPh>"
    "<phoneticPr fontId=\"1\" type=\"noConversion\"/></si>"
    "<si><t>欧阳娜娜</t><rPh sb=\"0\" eb=\"2\"><t>オウヨウ</t></rPh><phoneticPr fontId=\"1\"/></si>"
    "<si><t xml:space=\"preserve\">周二_x000D_\n上午</t></si>"
    "<si><t>a_x005F_x0041_b_x0041_</t></si>"
    "</sst>",
    "xl/styles.xml", XML_DECL "<styleSheet xmlns=\"" MAIN_NS "\"/>",
    "xl/worksheets/sheet1.xml",
    SHEET ("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>"
           "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>1</v></c><c r=\"B2\" t=\"s\"><v>3</v></c></row>"
           "<row r=\"3\"><c r=\"A3\" t=\"s\"><v>2</v></c><c r=\"B3\" t=\"s\"><v>4</v></c></row>"),
    NULL);

  assert_dump (bytes, NULL,
               "1: 0=姓名\n"
               "2: 0=王䶮/T 1=周二\r\n上午/T\n"
               "3: 0=欧阳娜娜/T 1=a_x0041_bA/T\n");
}

/* Some exporters (the .NET Open XML SDK among them) write every element
 * with a prefix. */
static void
test_built_prefixed (void)
{
  g_autoptr(GBytes) bytes = build_zip (
    "[Content_Types].xml", CONTENT_TYPES,
    "_rels/.rels", ROOT_RELS ("/xl/workbook.xml"),
    "xl/workbook.xml",
    XML_DECL "<x:workbook xmlns:x=\"" MAIN_NS "\" xmlns:r=\"" DOC_REL "\"><x:workbookPr date1904=\"0\"/>"
    "<x:sheets><x:sheet name=\"名册\" sheetId=\"1\" r:id=\"R1a2b\"/></x:sheets></x:workbook>",
    "xl/_rels/workbook.xml.rels",
    RELS (REL ("R1a2b", "worksheet", "/xl/worksheets/sheet.xml") REL ("R9", "sharedStrings", "/xl/sharedStrings.xml")),
    "xl/sharedStrings.xml",
    XML_DECL "<x:sst xmlns:x=\"" MAIN_NS "\"><x:si><x:t>姓名</x:t></x:si><x:si><x:r><x:t>买买提</x:t></x:r><x:r><x:t>·艾力</x:t></x:r></x:si></x:sst>",
    "xl/worksheets/sheet.xml",
    XML_DECL "<x:worksheet xmlns:x=\"" MAIN_NS "\"><x:sheetData>"
    "<x:row r=\"1\"><x:c r=\"A1\" t=\"s\"><x:v>0</x:v></x:c></x:row>"
    "<x:row r=\"2\"><x:c r=\"A2\" t=\"s\"><x:v>1</x:v></x:c><x:c r=\"B2\"><x:v>2</x:v></x:c></x:row>"
    "</x:sheetData></x:worksheet>",
    NULL);

  assert_dump (bytes, NULL, "1: 0=姓名\n2: 0=买买提·艾力/T 1=2/N\n");
}

/* Targets: absolute, or relative with "..", and part names in another
 * case than the zip's. */
static void
test_built_targets (void)
{
  g_autoptr(GBytes) bytes = build_zip (
    "[Content_Types].xml", CONTENT_TYPES,
    "_rels/.rels", ROOT_RELS ("/xl/workbook.xml"),
    "xl/workbook.xml", WORKBOOK ("", "<sheet name=\"一\" sheetId=\"1\" r:id=\"rId1\"/><sheet name=\"二\" sheetId=\"2\" r:id=\"rId2\"/>"),
    "xl/_rels/workbook.xml.rels",
    RELS (REL ("rId1", "worksheet", "/xl/worksheets/sheet1.xml") REL ("rId2", "worksheet", "../xl/./Worksheets/Sheet2.xml")),
    "xl/worksheets/sheet1.xml", SHEET ("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>"),
    "xl/worksheets/sheet2.xml", SHEET ("<row r=\"2\"><c r=\"C2\"><v>2</v></c></row>"),
    NULL);

  assert_dump (bytes, NULL, "1: 0=1\n");
  assert_dump (bytes, "二", "2: 2=2\n");
}

/* Rows and cells without r="": Excel counts them one after another. */
static void
test_built_no_refs (void)
{
  g_autoptr(GBytes) bytes = build_zip (
    ONE_SHEET_BOOK,
    "xl/worksheets/sheet1.xml",
    SHEET ("<row><c t=\"inlineStr\"><is><t>姓名</t></is></c><c t=\"inlineStr\"><is><t>电话</t></is></c></row>"
           "<row/>"
           "<row><c t=\"inlineStr\"><is><t>王䶮</t></is></c><c><v>13800001234</v></c></row>"
           "<row r=\"6\"><c r=\"B6\"><v>1</v></c><c><v>2</v></c></row>"
           "<row><c r=\"C9\"><v>3</v></c></row>"
           "<row><c><v>4</v></c></row>"),
    NULL);

  assert_dump (bytes, NULL,
               "1: 0=姓名 1=电话\n"
               "3: 0=王䶮/T 1=13800001234/N\n"
               "6: 1=1/N 2=2/N\n"
               "9: 2=3/N\n"
               "10: 0=4/N\n");
}

/* The 1904 date system, as Excel for Mac saved workbooks */
static void
test_built_date1904 (void)
{
  g_autoptr(GBytes) bytes = build_zip (
    "[Content_Types].xml", CONTENT_TYPES,
    "_rels/.rels", ROOT_RELS ("xl/workbook.xml"),
    "xl/workbook.xml", WORKBOOK ("<workbookPr date1904=\"1\"/>", "<sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/>"),
    "xl/_rels/workbook.xml.rels",
    RELS (REL ("rId1", "worksheet", "worksheets/sheet1.xml") REL ("rId3", "styles", "styles.xml")),
    "xl/styles.xml",
    XML_DECL "<styleSheet xmlns=\"" MAIN_NS "\"><cellXfs count=\"2\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/></cellXfs></styleSheet>",
    "xl/worksheets/sheet1.xml",
    SHEET ("<row r=\"1\"><c r=\"A1\" s=\"1\"><v>43890</v></c><c r=\"B1\" s=\"1\"><v>0</v></c><c r=\"C1\"><v>43890</v></c></row>"),
    NULL);

  /* 1904-01-01 is day 0 */
  assert_dump (bytes, NULL, "1: 0=2024-03-01 1=1904-01-01 2=43890\n");
}

/* Which number formats make a date, as Excel, WPS and LibreOffice write
 * them; a time of day stays a number. */
static void
test_built_formats (void)
{
  g_autoptr(GBytes) bytes = build_zip (
    ONE_SHEET_BOOK,
    "xl/styles.xml",
    XML_DECL "<styleSheet xmlns=\"" MAIN_NS "\"><numFmts count=\"10\">"
    "<numFmt numFmtId=\"176\" formatCode=\"yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;\"/>"
    "<numFmt numFmtId=\"177\" formatCode=\"[$-804]yyyy\\年m\\月d\\日\"/>"
    "<numFmt numFmtId=\"178\" formatCode=\"0.00E+00\"/>"
    "<numFmt numFmtId=\"179\" formatCode=\"[Red]0.00;[Blue]-0.00\"/>"
    "<numFmt numFmtId=\"180\" formatCode=\"h:mm:ss\"/>"
    "<numFmt numFmtId=\"181\" formatCode=\"[DBNum1][$-804]yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;\"/>"
    "<numFmt numFmtId=\"182\" formatCode=\"&quot;day &quot;0\"/>"
    "<numFmt numFmtId=\"183\" formatCode=\"General\"/>"
    "<numFmt numFmtId=\"184\" formatCode=\"m/d;@\"/>"
    "<numFmt numFmtId=\"185\" formatCode=\"\\d0\"/>"
    "</numFmts><cellXfs count=\"17\">"
    "<xf numFmtId=\"0\"/><xf numFmtId=\"176\"/><xf numFmtId=\"177\"/><xf numFmtId=\"178\"/>"
    "<xf numFmtId=\"179\"/><xf numFmtId=\"180\"/><xf numFmtId=\"181\"/><xf numFmtId=\"182\"/>"
    "<xf numFmtId=\"183\"/><xf numFmtId=\"14\"/><xf numFmtId=\"31\"/><xf numFmtId=\"20\"/>"
    "<xf numFmtId=\"49\"/><xf numFmtId=\"22\"/><xf numFmtId=\"57\"/><xf numFmtId=\"46\"/>"
    "<xf numFmtId=\"184\"/><xf numFmtId=\"185\"/>"
    "</cellXfs></styleSheet>",
    "xl/worksheets/sheet1.xml",
    SHEET ("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>header</t></is></c></row><row r=\"2\">"
           "<c r=\"A2\" s=\"0\"><v>45352</v></c><c r=\"B2\" s=\"1\"><v>45352</v></c><c r=\"C2\" s=\"2\"><v>45352</v></c>"
           "<c r=\"D2\" s=\"3\"><v>45352</v></c><c r=\"E2\" s=\"4\"><v>45352</v></c><c r=\"F2\" s=\"5\"><v>0.5</v></c>"
           "<c r=\"G2\" s=\"6\"><v>45352</v></c><c r=\"H2\" s=\"7\"><v>45352</v></c><c r=\"I2\" s=\"8\"><v>45352</v></c>"
           "<c r=\"J2\" s=\"9\"><v>45352</v></c><c r=\"K2\" s=\"10\"><v>45352</v></c><c r=\"L2\" s=\"11\"><v>0.5</v></c>"
           "<c r=\"M2\" s=\"12\"><v>13800001234</v></c><c r=\"N2\" s=\"13\"><v>45352.75</v></c>"
           "<c r=\"O2\" s=\"14\"><v>45352</v></c><c r=\"P2\" s=\"15\"><v>1.5</v></c>"
           "<c r=\"Q2\" s=\"16\"><v>45352</v></c><c r=\"R2\" s=\"17\"><v>45352</v></c>"
           "<c r=\"S2\" s=\"99\"><v>45352</v></c><c r=\"T2\" s=\"9\"><v>0.25</v></c></row>"),
    NULL);

  assert_dump (bytes, NULL,
               "1: 0=header\n"
               "2: 0=45352/N 1=2024-03-01/D 2=2024-03-01/D 3=45352/N 4=45352/N 5=0.5/N 6=2024-03-01/D"
               " 7=45352/N 8=45352/N 9=2024-03-01/D 10=2024-03-01/D 11=0.5/N 12=13800001234/N"
               " 13=2024-03-01 18:00:00/D 14=2024-03-01/D 15=1.5/N 16=2024-03-01/D 17=45352/N"
               " 18=45352/N 19=0.25/N\n");
}

/* Every kind of cell; what is not what it claims stays as written. */
static void
test_built_cell_kinds (void)
{
  g_autoptr(GBytes) bytes = build_zip (
    ONE_SHEET_BOOK,
    "xl/worksheets/sheet1.xml",
    SHEET ("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>header</t></is></c></row><row r=\"2\">"
           "<c r=\"A2\" t=\"b\"><v>1</v></c><c r=\"B2\" t=\"b\"><v>0</v></c><c r=\"C2\" t=\"e\"><f>1/0</f><v>#DIV/0!</v></c>"
           "<c r=\"D2\" t=\"str\"><f>A1&amp;\"x\"</f><v>长青小区</v></c><c r=\"E2\" t=\"d\"><v>2024-03-01T00:00:00Z</v></c>"
           "<c r=\"F2\" t=\"d\"><v>2024-03-01T08:30:00</v></c><c r=\"G2\"><v> 12 </v></c><c r=\"H2\"><v>abc</v></c>"
           "<c r=\"I2\"><v/></c><c r=\"J2\"/><c r=\"K2\"><f>SUM(A1)</f></c><c r=\"L2\"><v>-0.5</v></c>"
           "<c r=\"M2\"><v>1E+300</v></c><c r=\"N2\"><v>inf</v></c><c r=\"O2\" t=\"d\"><v>2024-02-30</v></c>"
           "<c r=\"P2\"><v>3.0000000000000004</v></c><c r=\"Q2\"><v>1.10101199001011E+017</v></c>"
           "<c r=\"R2\"><v>-0</v></c><c r=\"S2\"><v>007</v></c></row>"),
    NULL);

  assert_dump (bytes, NULL,
               "1: 0=header\n"
               "2: 0=TRUE/B 1=FALSE/B 2=#DIV/0!/E 3=长青小区/T 4=2024-03-01/D 5=2024-03-01 08:30:00/D"
               " 6=12/N 7=abc/T 11=-0.5/N 12=1E+300/N 13=inf/T 14=2024-02-30/T"
               " 15=3.0000000000000004/N 16=1.10101199001011E+17/N 17=0/N 18=7/N\n");
}

/* Strict Open XML (ISO 29500 Strict) names its namespaces otherwise. */
static void
test_built_strict (void)
{
#define STRICT_MAIN "http://purl.oclc.org/ooxml/spreadsheetml/main"
#define STRICT_REL "http://purl.oclc.org/ooxml/officeDocument/relationships"
  g_autoptr(GBytes) bytes = build_zip (
    "[Content_Types].xml", CONTENT_TYPES,
    "_rels/.rels",
    RELS ("<Relationship Id=\"rId1\" Type=\"" STRICT_REL "/officeDocument\" Target=\"xl/workbook.xml\"/>"),
    "xl/workbook.xml",
    XML_DECL "<workbook xmlns=\"" STRICT_MAIN "\" xmlns:r=\"" STRICT_REL "\"><sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>",
    "xl/_rels/workbook.xml.rels",
    RELS ("<Relationship Id=\"rId1\" Type=\"" STRICT_REL "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
          "<Relationship Id=\"rId2\" Type=\"" STRICT_REL "/sharedStrings\" Target=\"sharedStrings.xml\"/>"),
    "xl/sharedStrings.xml", XML_DECL "<sst xmlns=\"" STRICT_MAIN "\"><si><t>姓名</t></si></sst>",
    "xl/worksheets/sheet1.xml",
    XML_DECL "<worksheet xmlns=\"" STRICT_MAIN "\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row></sheetData></worksheet>",
    NULL);

  assert_dump (bytes, NULL, "1: 0=姓名\n");
#undef STRICT_MAIN
#undef STRICT_REL
}

/* The default sheet is the first visible one with cells; a sheet asked
 * for by name may be hidden, and is matched without regard to case when
 * no name matches exactly. */
static void
test_built_default_sheet (void)
{
  g_autoptr(GBytes) bytes = build_zip (
    "[Content_Types].xml", CONTENT_TYPES,
    "_rels/.rels", ROOT_RELS ("xl/workbook.xml"),
    "xl/workbook.xml",
    WORKBOOK ("", "<sheet name=\"Lists\" sheetId=\"1\" state=\"veryHidden\" r:id=\"rId1\"/>"
                  "<sheet name=\"Chart\" sheetId=\"2\" r:id=\"rId2\"/>"
                  "<sheet name=\"Roster\" sheetId=\"3\" r:id=\"rId3\"/>"
                  "<sheet name=\"roster\" sheetId=\"4\" r:id=\"rId4\"/>"),
    "xl/_rels/workbook.xml.rels",
    RELS (REL ("rId1", "worksheet", "worksheets/sheet1.xml") REL ("rId2", "chartsheet", "chartsheets/sheet1.xml")
          REL ("rId3", "worksheet", "worksheets/sheet3.xml") REL ("rId4", "worksheet", "worksheets/sheet4.xml")),
    "xl/worksheets/sheet1.xml", SHEET ("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>"),
    "xl/chartsheets/sheet1.xml", XML_DECL "<chartsheet xmlns=\"" MAIN_NS "\"><sheetPr/><drawing r:id=\"rId1\" xmlns:r=\"" DOC_REL "\"/></chartsheet>",
    "xl/worksheets/sheet3.xml", SHEET ("<row r=\"1\"><c r=\"A1\"><v>3</v></c></row>"),
    "xl/worksheets/sheet4.xml", SHEET ("<row r=\"1\"><c r=\"A1\"><v>4</v></c></row>"),
    NULL);
  static const char * const names[] = { "Lists", "Chart", "Roster", "roster", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(SzTable) table = parse_xlsx (bytes, NULL, &error);

  g_assert_no_error (error);
  assert_sheets (table, "Roster", names);
  assert_dump (bytes, "Lists", "1: 0=1\n");
  assert_dump (bytes, "roster", "1: 0=4\n");
  assert_dump (bytes, "LISTS", "1: 0=1\n");
  g_clear_pointer (&table, sz_table_free);
  table = parse_xlsx (bytes, "Chart", &error);
  assert_refused (table, error, SZ_TABLE_ERROR_EMPTY, "built.xlsx");
  g_assert_nonnull (strstr (error->message, "Chart"));
}

static void
test_built_all_empty (void)
{
  g_autoptr(GBytes) bytes = build_zip (
    "[Content_Types].xml", CONTENT_TYPES,
    "_rels/.rels", ROOT_RELS ("xl/workbook.xml"),
    "xl/workbook.xml",
    WORKBOOK ("", "<sheet name=\"Hidden\" sheetId=\"1\" state=\"hidden\" r:id=\"rId1\"/><sheet name=\"Blank\" sheetId=\"2\" r:id=\"rId2\"/>"
                  "<sheet name=\"Spaces\" sheetId=\"3\" r:id=\"rId3\"/>"),
    "xl/_rels/workbook.xml.rels",
    RELS (REL ("rId1", "worksheet", "worksheets/sheet1.xml") REL ("rId2", "worksheet", "worksheets/sheet2.xml")
          REL ("rId3", "worksheet", "worksheets/sheet3.xml")),
    "xl/worksheets/sheet1.xml", SHEET ("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>"),
    "xl/worksheets/sheet2.xml", SHEET (""),
    "xl/worksheets/sheet3.xml", SHEET ("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>\xE3\x80\x80 </t></is></c></row>"),
    NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SzTable) table = parse_xlsx (bytes, NULL, &error);

  assert_refused (table, error, SZ_TABLE_ERROR_EMPTY, "built.xlsx");
  g_clear_error (&error);
  table = parse_xlsx (bytes, "Spaces", &error);
  assert_refused (table, error, SZ_TABLE_ERROR_EMPTY, "built.xlsx");
  g_assert_nonnull (strstr (error->message, "“Spaces”"));
}

/* Damaged workbooks: each refused as damaged, naming the sheet where
 * one is at fault. */
static void
test_built_damaged (void)
{
  static const struct { const char *sheet; const char *strings; const char *in_message; } cases[] = {
    { "<row r=\"3\"><c r=\"A3\"><v>1</v></c></row><row r=\"2\"><c r=\"A2\"><v>1</v></c></row>", NULL, "Sheet1" },
    { "<row r=\"2\"/><row r=\"2\"/>", NULL, "Sheet1" },
    { "<row r=\"1\"><c r=\"XFE1\"><v>1</v></c></row>", NULL, "Sheet1" },
    { "<row r=\"1\"><c r=\"A0\"><v>1</v></c></row>", NULL, "Sheet1" },
    { "<row r=\"1\"><c r=\"1A\"><v>1</v></c></row>", NULL, "Sheet1" },
    { "<row r=\"1048577\"><c><v>1</v></c></row>", NULL, "Sheet1" },
    { "<row r=\"x\"/>", NULL, "Sheet1" },
    { "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>1</v></c></row>", "<si><t>a</t></si>", "Sheet1" },
    { "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>-1</v></c></row>", "<si><t>a</t></si>", "Sheet1" },
    { "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>", NULL, "Sheet1" },
    { "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row><row r=\"1048576\"/><row><c><v>1</v></c></row>", NULL, "Sheet1" },
    { "<row r=\"1\"><c r=\"A1\"><v>1</v></row>", NULL, NULL },   /* not well-formed */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *sheet = NULL;
      g_autofree char *strings = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(SzTable) table = NULL;

      g_test_message ("case %u", i);
      sheet = g_strdup_printf (XML_DECL "<worksheet xmlns=\"" MAIN_NS "\"><sheetData>%s</sheetData></worksheet>",
                               cases[i].sheet);
      strings = g_strdup_printf (XML_DECL "<sst xmlns=\"" MAIN_NS "\">%s</sst>", cases[i].strings ? cases[i].strings : "");
      bytes = build_zip (ONE_SHEET_BOOK, "xl/worksheets/sheet1.xml", sheet,
                         cases[i].strings ? "xl/sharedStrings.xml" : NULL, strings, NULL);
      table = parse_xlsx (bytes, NULL, &error);
      assert_refused (table, error, SZ_TABLE_ERROR_FORMAT, "built.xlsx");
      if (cases[i].in_message != NULL)
        g_assert_nonnull (strstr (error->message, cases[i].in_message));
    }
}

/* Zips that are not workbooks, or hold a workbook we cannot read */
static void
test_built_not_workbooks (void)
{
  static const char billion_laughs[] =
    XML_DECL "<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
    "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]>"
    "<worksheet xmlns=\"" MAIN_NS "\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&lol3;</t></is></c></row></sheetData></worksheet>";
  struct { GBytes *bytes; int code; const char *in_message; } cases[] = {
    /* No workbook part */
    { build_zip ("[Content_Types].xml", CONTENT_TYPES, "docProps/app.xml", "<Properties/>", NULL),
      SZ_TABLE_ERROR_FORMAT, "WPS" },
    /* An .xlsb */
    { build_zip ("[Content_Types].xml", CONTENT_TYPES, "xl/workbook.bin", "\x83\x01", NULL),
      SZ_TABLE_ERROR_FORMAT, ".xlsb" },
    /* An .ods */
    { build_zip ("mimetype", "application/vnd.oasis.opendocument.spreadsheet", "content.xml", "<office:document-content/>", NULL),
      SZ_TABLE_ERROR_FORMAT, ".ods" },
    /* A .docx */
    { build_zip ("[Content_Types].xml", CONTENT_TYPES, "word/document.xml", "<w:document/>", NULL),
      SZ_TABLE_ERROR_FORMAT, "Word" },
    /* A workbook without sheets */
    { build_zip ("xl/workbook.xml", WORKBOOK ("", ""), NULL), SZ_TABLE_ERROR_FORMAT, NULL },
    /* A sheet the relationships do not place */
    { build_zip ("xl/workbook.xml", WORKBOOK ("", "<sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId7\"/>"), NULL),
      SZ_TABLE_ERROR_FORMAT, "Sheet1" },
    /* A DTD, with entities that expand */
    { build_zip (ONE_SHEET_BOOK, "xl/worksheets/sheet1.xml", billion_laughs, NULL), SZ_TABLE_ERROR_FORMAT, NULL },
    /* A workbook that is not XML */
    { build_zip ("xl/workbook.xml", "PK\x03\x04", NULL), SZ_TABLE_ERROR_FORMAT, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SzTable) table = parse_xlsx (cases[i].bytes, NULL, &error);

      g_test_message ("case %u", i);
      assert_refused (table, error, cases[i].code, "built.xlsx");
      if (cases[i].in_message != NULL)
        g_assert_nonnull (strstr (error->message, cases[i].in_message));
      g_bytes_unref (cases[i].bytes);
    }
}

/* Rewrites the uncompressed size that the zip declares for @part, in its
 * local header and in the central directory. */
static GBytes *
declare_size (GBytes     *zip,
              const char *part,
              guint32     size)
{
  gsize len, n = strlen (part);
  guchar *data = g_bytes_unref_to_data (zip, &len);

  for (gsize i = 0; i + 46 + n <= len; i++)
    {
      if (memcmp (data + i, "PK\x03\x04", 4) == 0 && data[i + 26] == n && memcmp (data + i + 30, part, n) == 0)
        memcpy (data + i + 22, &size, 4);   /* little-endian, as the test machines */
      if (memcmp (data + i, "PK\x01\x02", 4) == 0 && data[i + 28] == n && memcmp (data + i + 46, part, n) == 0)
        memcpy (data + i + 24, &size, 4);
    }
  return g_bytes_new_take (data, len);
}

/* A part that unpacks to more than SZ_TABLE_MAX_PART_SIZE is refused
 * before it is read.  (What it really unpacks to is counted too, as it
 * is read: a zip bomb large enough to show it is too slow for a test.) */
static void
test_built_part_size (void)
{
  static const char sheet[] = SHEET ("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>");
  g_autoptr(GBytes) large = declare_size (build_zip (ONE_SHEET_BOOK, "xl/worksheets/sheet1.xml", sheet, NULL),
                                          "xl/worksheets/sheet1.xml", SZ_TABLE_MAX_PART_SIZE + 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(SzTable) table = parse_xlsx (large, NULL, &error);

  assert_refused (table, error, SZ_TABLE_ERROR_TOO_LARGE, "built.xlsx");
}

/* Bad files: nothing, noise, and every fixture cut short */

static void
assert_parse_refused (GBytes     *bytes,
                      int         code,
                      const char *what)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SzTable) table = NULL;

  g_test_message ("%s, %" G_GSIZE_FORMAT " bytes", what, g_bytes_get_size (bytes));
  table = sz_xlsx_parse (bytes, "/some/folder/bad.xlsx", NULL, &error);
  assert_refused (table, error, code, "bad.xlsx");
  g_clear_error (&error);
  table = sz_xls_parse (bytes, "/some/folder/bad.xls", NULL, &error);
  assert_refused (table, error, code, "bad.xls");
}
