import sys, zipfile
# pack.py DOCUMENT_XML OUT.docx: a minimal .docx around a document.xml (fixed mtimes)
ct=b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
rels=b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'
doc=open(sys.argv[1],'rb').read()
with zipfile.ZipFile(sys.argv[2],'w',zipfile.ZIP_DEFLATED) as z:
    for name,data in (('[Content_Types].xml',ct),('_rels/.rels',rels),('word/document.xml',doc)):
        z.writestr(zipfile.ZipInfo(name,(2024,1,1,0,0,0)),data,zipfile.ZIP_DEFLATED)
