#!/usr/bin/env python3
"""Writes the two held-out Word letters as real OOXML packages, with nothing but the standard library.

    python3 make_docx.py            # from this folder: writes ../<name>.docx and <name>.layout.txt

Each package holds [Content_Types].xml, _rels/.rels, docProps/core.xml + app.xml, word/document.xml,
word/styles.xml, word/numbering.xml, word/settings.xml, word/fontTable.xml, word/header1.xml (the letterhead line),
word/_rels/document.xml.rels and word/media/seal.png (a small red seal drawn here).

Like Word, the text of a paragraph is split over several w:r runs (at fixed places inside words, around bold
headings, with rsid attributes and proofErr marks between runs), so a reader must join runs to get the words.

- dongling-2023-culture-table.docx: the problems and measures are a real Word table (w:tbl); each problem cell (and
  its 序号 cell) spans the rows of its measures through a vertical merge (w:vMerge restart / continue).
- baishawan-2024-agriculture-numbering.docx: problems (一、二、) and measures (1. 2. 3.) are numbered by Word's
  automatic numbering (w:numPr -> numbering.xml, chineseCounting "%1、" and decimal "%2."); the digits are NOT in the
  text. The closing section 三、保障措施 is numbered by the same list, as Word users do.

The layout.txt files list the body as a reader sees it (automatic numbers rendered in [brackets], table rows with
their cells), with the paragraph (¶) and row numbers that the expected files cite.
"""
import os
import struct
import zipfile
import zlib
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)
STAMP = (2024, 1, 1, 0, 0, 0)

NS = ('xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas" '
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
      'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
      'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
      'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" '
      'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"')


# ---------------------------------------------------------------- the seal picture
def seal_png(size=96):
    """A red ring with a red star, transparent elsewhere: the stand-in for the department's seal."""
    import math
    c = (size - 1) / 2.0
    rows = []
    star = []
    for k in range(10):
        r = size * (0.2 if k % 2 == 0 else 0.08)
        t = -math.pi / 2 + k * math.pi / 5
        star.append((c + r * math.cos(t), c + r * math.sin(t)))

    def in_star(x, y):
        inside = False
        j = len(star) - 1
        for i in range(len(star)):
            xi, yi = star[i]
            xj, yj = star[j]
            if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
                inside = not inside
            j = i
        return inside

    for y in range(size):
        row = bytearray([0])
        for x in range(size):
            d = math.hypot(x - c, y - c)
            red = (size * 0.40 <= d <= size * 0.48) or in_star(x, y)
            row += bytes((210, 20, 30, 230) if red else (255, 255, 255, 0))
        rows.append(bytes(row))

    def chunk(kind, data):
        return struct.pack('>I', len(data)) + kind + data + struct.pack('>I', zlib.crc32(kind + data) & 0xffffffff)

    return (b'\x89PNG\r\n\x1a\n'
            + chunk(b'IHDR', struct.pack('>IIBBBBB', size, size, 8, 6, 0, 0, 0))
            + chunk(b'IDAT', zlib.compress(b''.join(rows), 9))
            + chunk(b'IEND', b''))


# ---------------------------------------------------------------- runs and paragraphs
class Body:
    """Collects body XML and, beside it, the reading listing with paragraph and row numbers."""

    def __init__(self):
        self.xml = []
        self.listing = []
        self.para_no = 0
        self.rsid = 0x00A1B2C0

    def next_rsid(self):
        self.rsid += 0x1111
        return '%08X' % (self.rsid & 0xFFFFFFFF)


def rpr(bold=False, font=None, size=None, color=None):
    parts = []
    if font:
        parts.append('<w:rFonts w:ascii="%s" w:eastAsia="%s" w:hAnsi="%s"/>' % (font, font, font))
    if bold:
        parts.append('<w:b/><w:bCs/>')
    if color:
        parts.append('<w:color w:val="%s"/>' % color)
    if size:
        parts.append('<w:sz w:val="%d"/><w:szCs w:val="%d"/>' % (size, size))
    return '<w:rPr>%s</w:rPr>' % ''.join(parts) if parts else ''


def split_points(text):
    """Places where Word would have cut this text into runs: after the 2nd character of a few words it
    edited, and every 9 characters elsewhere (as successive edits with new rsids do)."""
    cuts = set()
    for word in ('整改', '完成时限', '责任', '办法', '月底前', '万亩', '城市书房', '文物', '高标准'):
        start = 0
        while True:
            i = text.find(word, start)
            if i < 0:
                break
            cuts.add(i + max(1, len(word) // 2))
            start = i + 1
    cuts.update(range(9, len(text), 9))
    return sorted(c for c in cuts if 0 < c < len(text))


def runs(body, text, bold=False, font=None, size=None, color=None, split=True):
    pieces = []
    last = 0
    points = split_points(text) if split else []
    for k, cut in enumerate(points + [len(text)]):
        piece = text[last:cut]
        last = cut
        if not piece:
            continue
        pieces.append('<w:r w:rsidR="%s">%s<w:t xml:space="preserve">%s</w:t></w:r>'
                      % (body.next_rsid(), rpr(bold, font, size, color), escape(piece)))
        if k % 4 == 3:
            pieces.append('<w:proofErr w:type="gramStart"/>')
            pieces.append('<w:proofErr w:type="gramEnd"/>')
    return ''.join(pieces)


def ppr(style=None, num=None, jc=None, first_line=None, keep_next=False):
    parts = []
    if style:
        parts.append('<w:pStyle w:val="%s"/>' % style)
    if keep_next:
        parts.append('<w:keepNext/>')
    if num:
        parts.append('<w:numPr><w:ilvl w:val="%d"/><w:numId w:val="%d"/></w:numPr>' % (num[1], num[0]))
    if first_line is not None:
        parts.append('<w:ind w:firstLine="%d"/>' % first_line)
    if jc:
        parts.append('<w:jc w:val="%s"/>' % jc)
    return '<w:pPr>%s</w:pPr>' % ''.join(parts) if parts else ''


def para(body, segments, style=None, num=None, jc=None, first_line=640, shown_number=''):
    """segments: list of (text, bold) pairs; a heading in bold followed by plain text is the usual Word look."""
    body.para_no += 1
    inner = ''.join(runs(body, text, bold=bold) for text, bold in segments)
    body.xml.append('<w:p w:rsidR="%s" w:rsidRDefault="%s">%s%s</w:p>'
                    % (body.next_rsid(), body.next_rsid(), ppr(style, num, jc, first_line), inner))
    text = ''.join(t for t, _ in segments)
    body.listing.append('¶%-3d %s%s' % (body.para_no, ('[%s]' % shown_number) if shown_number else '', text))


def empty(body):
    body.para_no += 1
    body.xml.append('<w:p/>')
    body.listing.append('¶%-3d' % body.para_no)


def seal_paragraph(body):
    body.para_no += 1
    body.xml.append(
        '<w:p><w:pPr><w:jc w:val="right"/></w:pPr><w:r><w:drawing>'
        '<wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="1080000" cy="1080000"/>'
        '<wp:effectExtent l="0" t="0" r="0" b="0"/><wp:docPr id="1" name="印章"/>'
        '<wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr>'
        '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
        '<pic:pic><pic:nvPicPr><pic:cNvPr id="0" name="seal.png"/><pic:cNvPicPr/></pic:nvPicPr>'
        '<pic:blipFill><a:blip r:embed="rIdSeal"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>'
        '<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="1080000" cy="1080000"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>'
        '</a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>')
    body.listing.append('¶%-3d (seal image)' % body.para_no)


# ---------------------------------------------------------------- tables
WIDTHS = [600, 1500, 3000, 1500, 1200, 1100, 800]


def cell(body, text, width, merge=None, bold=False):
    vmerge = {None: '', 'restart': '<w:vMerge w:val="restart"/>', 'continue': '<w:vMerge/>'}[merge]
    content = '' if merge == 'continue' else runs(body, text, bold=bold)
    return ('<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/>%s<w:vAlign w:val="center"/></w:tcPr>'
            '<w:p><w:pPr><w:pStyle w:val="TableText"/></w:pPr>%s</w:p></w:tc>' % (width, vmerge, content))


def table(body, header, problems):
    """problems: list of (序号, 存在问题, [row cells after the problem]); the problem spans its rows by vMerge."""
    xml = ['<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="%d" w:type="dxa"/>'
           '<w:jc w:val="center"/><w:tblLayout w:type="fixed"/>'
           '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" '
           'w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>' % sum(WIDTHS)]
    xml += ['<w:gridCol w:w="%d"/>' % w for w in WIDTHS]
    xml.append('</w:tblGrid>')
    xml.append('<w:tr><w:trPr><w:tblHeader/></w:trPr>%s</w:tr>'
               % ''.join(cell(body, h, w, bold=True) for h, w in zip(header, WIDTHS)))
    row_no = 1
    body.listing.append('table row %d: %s' % (row_no, ' | '.join(header)))
    for seq, problem, rows in problems:
        for k, row in enumerate(rows):
            merge = None if len(rows) == 1 else ('restart' if k == 0 else 'continue')
            cells = [cell(body, seq, WIDTHS[0], merge), cell(body, problem, WIDTHS[1], merge)]
            cells += [cell(body, text, w) for text, w in zip(row, WIDTHS[2:])]
            xml.append('<w:tr><w:trPr><w:cantSplit/></w:trPr>%s</w:tr>' % ''.join(cells))
            row_no += 1
            shown = [seq, problem] if merge != 'continue' else ['(merged ↑)', '(merged ↑)']
            body.listing.append('table row %d: %s' % (row_no, ' | '.join(shown + list(row))))
    xml.append('</w:tbl>')
    body.xml.append(''.join(xml))


# ---------------------------------------------------------------- package parts
def styles_xml():
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<w:styles %s><w:docDefaults><w:rPrDefault><w:rPr>'
            '<w:rFonts w:ascii="Times New Roman" w:eastAsia="仿宋_GB2312" w:hAnsi="Times New Roman" w:cs="Times New Roman"/>'
            '<w:kern w:val="2"/><w:sz w:val="32"/><w:szCs w:val="32"/><w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/>'
            '</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:line="560" w:lineRule="exact"/></w:pPr>'
            '</w:pPrDefault></w:docDefaults>'
            '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>'
            '<w:pPr><w:widowControl w:val="0"/><w:jc w:val="both"/></w:pPr></w:style>'
            '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/>'
            '<w:qFormat/><w:pPr><w:jc w:val="center"/></w:pPr><w:rPr>'
            '<w:rFonts w:ascii="方正小标宋简体" w:eastAsia="方正小标宋简体" w:hAnsi="方正小标宋简体"/>'
            '<w:sz w:val="44"/><w:szCs w:val="44"/></w:rPr></w:style>'
            '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/>'
            '<w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:outlineLvl w:val="0"/></w:pPr>'
            '<w:rPr><w:rFonts w:ascii="黑体" w:eastAsia="黑体" w:hAnsi="黑体"/></w:rPr></w:style>'
            '<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/>'
            '<w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:outlineLvl w:val="1"/></w:pPr>'
            '<w:rPr><w:rFonts w:ascii="楷体_GB2312" w:eastAsia="楷体_GB2312" w:hAnsi="楷体_GB2312"/></w:rPr></w:style>'
            '<w:style w:type="paragraph" w:styleId="TableText"><w:name w:val="Table Text"/><w:basedOn w:val="Normal"/>'
            '<w:pPr><w:spacing w:line="300" w:lineRule="exact"/><w:jc w:val="left"/></w:pPr>'
            '<w:rPr><w:sz w:val="21"/><w:szCs w:val="21"/></w:rPr></w:style>'
            '<w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/>'
            '<w:pPr><w:pBdr><w:bottom w:val="single" w:sz="12" w:space="1" w:color="C00000"/></w:pBdr>'
            '<w:jc w:val="center"/></w:pPr><w:rPr><w:color w:val="C00000"/><w:sz w:val="36"/></w:rPr></w:style>'
            '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>'
            '<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/>'
            '<w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/>'
            '</w:tblCellMar></w:tblPr></w:style>'
            '<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/>'
            '<w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
            '<w:left w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
            '<w:bottom w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
            '<w:right w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
            '<w:insideH w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
            '<w:insideV w:val="single" w:sz="4" w:space="0" w:color="auto"/></w:tblBorders></w:tblPr></w:style>'
            '</w:styles>' % NS)


def numbering_xml(levels):
    """levels: list of (numFmt, lvlText) for ilvl 0, 1, …; a level restarts after each item of the level above."""
    lvls = ''.join(
        '<w:lvl w:ilvl="%d"><w:start w:val="1"/><w:numFmt w:val="%s"/><w:lvlText w:val="%s"/>'
        '<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="0" w:firstLine="640"/></w:pPr></w:lvl>'
        % (i, fmt, escape(text)) for i, (fmt, text) in enumerate(levels))
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<w:numbering %s><w:abstractNum w:abstractNumId="0"><w:nsid w:val="5E2A1C3D"/>'
            '<w:multiLevelType w:val="multilevel"/><w:tmpl w:val="0409001F"/>%s</w:abstractNum>'
            '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>' % (NS, lvls))


def header_xml(letterhead):
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<w:hdr %s><w:p><w:pPr><w:pStyle w:val="Header"/></w:pPr>'
            '<w:r><w:rPr><w:rFonts w:ascii="方正小标宋简体" w:eastAsia="方正小标宋简体" w:hAnsi="方正小标宋简体"/>'
            '<w:b/></w:rPr><w:t>%s</w:t></w:r></w:p></w:hdr>' % (NS, escape(letterhead)))


def document_xml(body):
    sect = ('<w:sectPr><w:headerReference w:type="default" r:id="rIdHeader1"/>'
            '<w:pgSz w:w="11906" w:h="16838"/>'
            '<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" w:header="851" w:footer="992" w:gutter="0"/>'
            '<w:cols w:space="425"/><w:docGrid w:type="lines" w:linePitch="312"/></w:sectPr>')
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<w:document %s><w:body>%s%s</w:body></w:document>' % (NS, ''.join(body.xml), sect))


def package(path, body, letterhead, levels, title, author):
    parts = {
        '[Content_Types].xml':
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Default Extension="png" ContentType="image/png"/>'
            '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
            '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
            '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>'
            '<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>'
            '<Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/>'
            '<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>'
            '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
            '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>'
            '</Types>',
        '_rels/.rels':
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
            '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>'
            '</Relationships>',
        'docProps/core.xml':
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            '<dc:title>%s</dc:title><dc:creator>%s</dc:creator><cp:lastModifiedBy>%s</cp:lastModifiedBy>'
            '</cp:coreProperties>' % (escape(title), escape(author), escape(author)),
        'docProps/app.xml':
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
            '<Application>Microsoft Office Word</Application><DocSecurity>0</DocSecurity></Properties>',
        'word/_rels/document.xml.rels':
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
            '<Relationship Id="rIdNumbering" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>'
            '<Relationship Id="rIdSettings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>'
            '<Relationship Id="rIdFonts" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable" Target="fontTable.xml"/>'
            '<Relationship Id="rIdHeader1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>'
            '<Relationship Id="rIdSeal" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/seal.png"/>'
            '</Relationships>',
        'word/document.xml': document_xml(body),
        'word/styles.xml': styles_xml(),
        'word/numbering.xml': numbering_xml(levels),
        'word/settings.xml':
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<w:settings %s><w:zoom w:percent="100"/><w:defaultTabStop w:val="420"/>'
            '<w:characterSpacingControl w:val="compressPunctuation"/><w:compat>'
            '<w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/>'
            '</w:compat></w:settings>' % NS,
        'word/fontTable.xml':
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<w:fonts %s><w:font w:name="Times New Roman"/><w:font w:name="仿宋_GB2312"/><w:font w:name="黑体"/>'
            '<w:font w:name="楷体_GB2312"/><w:font w:name="方正小标宋简体"/></w:fonts>' % NS,
        'word/header1.xml': header_xml(letterhead),
    }
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
        for name, text in parts.items():
            z.writestr(zipfile.ZipInfo(name, STAMP), text.encode('utf-8'), zipfile.ZIP_DEFLATED)
        z.writestr(zipfile.ZipInfo('word/media/seal.png', STAMP), seal_png(), zipfile.ZIP_STORED)


def write(name, body, letterhead, levels, title, author):
    package(os.path.join(OUT, name + '.docx'), body, letterhead, levels, title, author)
    with open(os.path.join(HERE, name + '.layout.txt'), 'w', encoding='utf-8') as f:
        f.write('%s.docx as a reader sees it (letterhead in the page header: %s)\n' % (name, letterhead))
        f.write('\n'.join(body.listing) + '\n')


# ---------------------------------------------------------------- letter 1: a table with merged problem cells
def dongling():
    b = Body()
    para(b, [('东陵市文化广电和旅游局', False)], style='Title', first_line=0)
    para(b, [('关于市人大常委会2023年度工作评议反馈问题的整改承诺书', False)], style='Title', first_line=0)
    empty(b)
    para(b, [('市人大常委会：', False)], first_line=0)
    para(b, [('根据市人大常委会2023年度工作评议反馈意见，我局逐项认领反馈问题，研究制定了整改任务清单，'
              '现将整改承诺报告如下。', False)])
    para(b, [('分管副市长：韩雪松　　局长：邹文', False)])
    para(b, [('一、整改任务清单', False)], style='Heading1')
    table(b, ['序号', '存在问题', '整改措施', '整改目标', '完成时限', '责任科室', '责任人'], [
        ('1', '公共文化服务设施利用率不高的问题', [
            ('建设城市书房。在城区新建城市书房十二个，上半年建成5个。', '新建城市书房12个', '2023年10月底前', '公共服务科', '罗静'),
            ('延长开放时间。公共图书馆、文化馆每周开放时间由42小时延长至56小时。', '每周开放时间达到56小时',
             '2023年6月底前', '公共服务科、市图书馆', '罗静'),
            ('开展惠民演出。全年开展送戏下乡演出三百场，每季度通报一次进度。', '送戏下乡演出300场', '2023年12月底前',
             '艺术科', '方晓东'),
        ]),
        ('2', '旅游市场秩序不够规范的问题', [
            ('开展专项整治。组织旅游市场联合执法检查，旅游投诉按时办结率由90%提高到98%。', '旅游投诉按时办结率达到98%',
             '2023年11月底前', '市场管理科', '唐亮'),
            ('出台管理办法。出台《东陵市旅游民宿管理办法》，规范民宿经营行为。', '办法印发实施', '2023年8月底前',
             '市场管理科、政策法规科', '唐亮'),
        ]),
        ('3', '文物安全隐患较多的问题', [
            ('实施文物保护修缮。完成四座县级以上文物保护单位修缮，9月底前全部开工。', '完成4座文物保护单位修缮',
             '2023年12月底前', '文物科', '邱明'),
            ('加强安全巡查。建立文物安全常态化巡查制度，配备专职文物安全员三十六名。', '配备专职文物安全员36名',
             '2023年6月底前', '文物科、各县（市、区）文旅局', '邱明'),
        ]),
    ])
    para(b, [('二、保障措施', False)], style='Heading1')
    para(b, [('加强组织领导。', True), ('成立整改工作领导小组，局主要负责同志任组长，统筹推进整改工作。', False)],
         num=(1, 0), shown_number='（一）')
    para(b, [('强化督促检查。', True), ('建立整改台账，实行销号管理，定期向市人大常委会报告整改进展。', False)],
         num=(1, 0), shown_number='（二）')
    empty(b)
    para(b, [('东陵市文化广电和旅游局', False)], jc='right', first_line=0)
    seal_paragraph(b)
    para(b, [('2023年4月8日', False)], jc='right', first_line=0)
    empty(b)
    para(b, [('抄送：市人大常委会教科文卫工作委员会。', False)], first_line=0)
    write('dongling-2023-culture-table', b, '东陵市文化广电和旅游局文件',
          [('chineseCounting', '（%1）')], '东陵市文化广电和旅游局整改承诺书', '文旅局办公室')


# ---------------------------------------------------------------- letter 2: Word's automatic numbering
def baishawan():
    b = Body()
    problem, measure = (1, 0), (1, 1)
    para(b, [('白沙湾区农业农村局', False)], style='Title', first_line=0)
    para(b, [('关于区人大常委会2024年度工作评议反馈问题的整改承诺', False)], style='Title', first_line=0)
    empty(b)
    para(b, [('根据区人大常委会2024年度工作评议反馈意见，我局认真梳理问题清单，逐项制定整改措施，现承诺如下。', False)])
    para(b, [('高标准农田建设进度滞后的问题', False)], style='Heading1', num=problem, shown_number='一、')
    para(b, [('2023年全区建成高标准农田1.2万亩，仍有部分项目未按期验收，已建农田存在重建轻管现象。', False)])
    para(b, [('整改目标：', True), ('年内新建高标准农田3.5万亩，改造提升高标准农田2万亩。', False)])
    para(b, [('加快项目建设。', True), ('新建高标准农田3.5万亩，一季度完成全年任务的10%，二季度末达到40%，三季度末达到80%，'
                                    '年底前全面完成。', False)], num=measure, shown_number='1.')
    para(b, [('责任股室：农田建设股', False)])
    para(b, [('完成时限：2024年12月底前', False)])
    para(b, [('实施改造提升。', True), ('对2万亩已建高标准农田实施灌排设施配套和田间道路改造提升，10月底前完成。', False)],
         num=measure, shown_number='2.')
    para(b, [('责任股室：农田建设股、各镇（街道）农业服务中心', False)])
    para(b, [('完成时限：2024年10月底前', False)])
    para(b, [('强化质量管理。', True), ('聘请第三方机构开展工程质量检测，每月调度一次建设进度。', False)],
         num=measure, shown_number='3.')
    para(b, [('责任股室：农田建设股', False)])
    para(b, [('完成时限：长期坚持', False)])
    para(b, [('农村人居环境整治不到位的问题', False)], style='Heading1', num=problem, shown_number='二、')
    para(b, [('部分村庄生活垃圾收运不及时，户厕改造后管护不到位，群众满意度不高。', False)])
    para(b, [('整改目标：', True), ('农村生活垃圾无害化处理率保持100%，新改建农村户厕一千五百户，'
                                 '卫生厕所普及率由88%提高到95%。', False)])
    para(b, [('推进户厕改造。', True), ('新改建农村户厕一千五百户，上半年完成800户。', False)],
         num=measure, shown_number='1.')
    para(b, [('责任股室：农村社会事业股', False)])
    para(b, [('完成时限：2024年11月底前', False)])
    para(b, [('建立长效管护机制。', True), ('9月底前出台《白沙湾区农村人居环境长效管护办法》，每季度开展一次村庄清洁评比。', False)],
         num=measure, shown_number='2.')
    para(b, [('责任股室：农村社会事业股、各镇（街道）', False)])
    para(b, [('完成时限：2024年9月底前', False)])
    para(b, [('开展示范创建。', True), ('年底前创建市级美丽乡村示范村2个+区级美丽乡村示范村8个。', False)],
         num=measure, shown_number='3.')
    para(b, [('责任股室：乡村建设股', False)])
    para(b, [('完成时限：2024年12月底前', False)])
    para(b, [('保障措施', False)], style='Heading1', num=problem, shown_number='三、')
    para(b, [('我局将把整改工作作为重要政治任务，主要负责同志亲自抓，分管负责同志具体抓，'
              '建立工作台账，定期调度通报，确保各项整改任务按期完成。', False)])
    empty(b)
    para(b, [('白沙湾区农业农村局', False)], jc='right', first_line=0)
    seal_paragraph(b)
    para(b, [('2024年3月22日', False)], jc='right', first_line=0)
    para(b, [('（联系人：区农业农村局办公室）', False)], first_line=0)
    write('baishawan-2024-agriculture-numbering', b, '白沙湾区农业农村局',
          [('chineseCounting', '%1、'), ('decimal', '%2.')], '白沙湾区农业农村局整改承诺', '农业农村局办公室')


if __name__ == '__main__':
    dongling()
    baishawan()
