import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import type { Hono } from "hono";
import { sql } from "../db/client.ts";
import { flushAudit } from "../middleware/audit.ts";
import { byteRange } from "../routes/documents.ts";
import { sweepDocumentContents } from "../db/housekeeping.ts";
import { agrees, declaredType, sniff } from "../lib/file_types.ts";
import { base64ToBytes, bytesToBase64 } from "../lib/digest.ts";
import type { AppEnv } from "../types.ts";
import { dbTest, testApp } from "./helpers.ts";
import { type Client, errorFields, signUp, signUpAdmin } from "./records_helpers.ts";
import { makeTeam } from "./clinic_helpers.ts";

const ascii = (text: string) => new TextEncoder().encode(text);

/** Real file starts (magic numbers) followed by `body`. */
const FILES = {
  pdf: (body = "") => ascii(`%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n${body}\n%%EOF\n`),
  png: () =>
    new Uint8Array([
      0x89,
      0x50,
      0x4e,
      0x47,
      0x0d,
      0x0a,
      0x1a,
      0x0a,
      0,
      0,
      0,
      13,
      0x49,
      0x48,
      0x44,
      0x52,
      0,
      0,
      0,
      1,
      0,
      0,
      0,
      1,
      8,
      6,
      0,
      0,
      0,
      0x1f,
      0x15,
      0xc4,
      0x89,
    ]),
  jpeg: () =>
    new Uint8Array([
      0xff,
      0xd8,
      0xff,
      0xe0,
      0,
      16,
      0x4a,
      0x46,
      0x49,
      0x46,
      0,
      1,
      1,
      0,
      0,
      1,
      0,
      1,
      0,
      0,
      0xff,
      0xd9,
    ]),
  html: () => ascii("<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"),
  elf: () => new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, ...new Array(200).fill(0)]),
};

/** `n` bytes that repeat no pattern a chunk boundary could hide. */
function randomBytes(n: number): Uint8Array {
  const out = new Uint8Array(n);
  for (let at = 0; at < n; at += 65536) crypto.getRandomValues(out.subarray(at, at + 65536));
  return out;
}

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** A multipart upload of `bytes` as `file` (with `type` and `name`) and the text `fields`. */
function upload(
  user: Client,
  patient: number,
  bytes: Uint8Array,
  type: string,
  name: string,
  fields: Record<string, string> = { category: "lab_report" },
) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append("file", new File([bytes as BlobPart], name, { type }));
  return (user as Client & { app: Hono<AppEnv> }).app.request(
    `/api/patients/${patient}/documents/`,
    { method: "POST", headers: { Authorization: `Bearer ${user.token}` }, body: form },
  );
}

async function patientOf(user: Client, fields: Record<string, unknown> = {}): Promise<number> {
  const res = await user.json("POST", "/api/patients/", { name: "Ada Byron", ...fields });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body.id;
}

/** Contents stored for `patient` (kept or left behind) and their chunks. */
async function storedFor(patient: number) {
  const [row] = await sql<{ contents: number; chunks: number; documents: number }[]>`
    select (select count(*)::int from document_contents where patient_id = ${patient}) as contents,
      (select count(*)::int from document_chunks where patient_id = ${patient}) as chunks,
      (select count(*)::int from documents where patient_id = ${patient}) as documents`;
  return row;
}

dbTest(
  "documents: a file is stored, described and read back exactly, whole and by range",
  async (t) => {
    const app = await testApp();
    const ann = await signUp(app);
    const patient = await patientOf(ann);
    // Several chunks (256 KiB each) and a short last one.
    const bytes = new Uint8Array([...FILES.pdf(), ...randomBytes(700_000)]);
    const res = await upload(ann, patient, bytes, "application/pdf", "blood panel.pdf", {
      category: "lab_report",
      document_date: "2026-03-02",
    });
    const doc = await res.json();
    assert.equal(res.status, 201, JSON.stringify(doc));
    const id = doc.id;

    await t.step("the upload answers its metadata, Location and ETag", () => {
      assert.equal(doc.patient, patient);
      assert.equal(doc.title, "blood panel.pdf");
      assert.equal(doc.file_name, "blood panel.pdf");
      assert.equal(doc.category, "lab_report");
      assert.equal(doc.content_type, "application/pdf");
      assert.equal(doc.size_bytes, bytes.length);
      assert.equal(doc.sha256, sha256(bytes));
      assert.equal(doc.document_date, "2026-03-02");
      assert.equal(doc.created_by, ann.id);
      assert.equal(doc.version, 1);
      assert.match(res.headers.get("Location")!, new RegExp(`/api/documents/${id}/$`));
      assert.equal(res.headers.get("ETag"), '"1"');
    });

    await t.step("the content comes back byte for byte, with the safe headers", async () => {
      const got = await ann.call("GET", `/api/documents/${id}/content`);
      assert.equal(got.status, 200);
      const back = new Uint8Array(await got.arrayBuffer());
      assert.equal(back.length, bytes.length);
      assert.equal(sha256(back), sha256(bytes));
      assert.equal(got.headers.get("Content-Type"), "application/pdf");
      assert.equal(got.headers.get("Content-Length"), String(bytes.length));
      assert.equal(
        got.headers.get("Content-Disposition"),
        `attachment; filename="blood panel.pdf"; filename*=UTF-8''blood%20panel.pdf`,
      );
      assert.equal(got.headers.get("X-Content-Type-Options"), "nosniff");
      const csp = got.headers.get("Content-Security-Policy")!.split(";").map((d) => d.trim());
      assert.ok(csp.includes("sandbox"), csp.join("; "));
      assert.ok(csp.includes("default-src 'none'"), csp.join("; "));
      assert.equal(got.headers.get("ETag"), `"${sha256(bytes)}"`);
      assert.equal(got.headers.get("Accept-Ranges"), "bytes");
    });

    await t.step(
      "a Range across a chunk boundary answers 206 with exactly those bytes",
      async () => {
        const [from, to] = [262_000, 263_000];
        const got = await ann.call("GET", `/api/documents/${id}/content`, undefined, {
          Range: `bytes=${from}-${to}`,
        });
        assert.equal(got.status, 206);
        assert.equal(got.headers.get("Content-Range"), `bytes ${from}-${to}/${bytes.length}`);
        assert.deepEqual(new Uint8Array(await got.arrayBuffer()), bytes.slice(from, to + 1));
        const tail = await ann.call("GET", `/api/documents/${id}/content`, undefined, {
          Range: "bytes=-10",
        });
        assert.equal(tail.status, 206);
        assert.deepEqual(new Uint8Array(await tail.arrayBuffer()), bytes.slice(-10));
        const outside = await ann.call("GET", `/api/documents/${id}/content`, undefined, {
          Range: `bytes=${bytes.length}-`,
        });
        assert.equal(outside.status, 416);
        assert.equal(outside.headers.get("Content-Range"), `bytes */${bytes.length}`);
        await outside.body?.cancel();
        // If-Range naming another version: the whole file.
        const stale = await ann.call("GET", `/api/documents/${id}/content`, undefined, {
          Range: "bytes=0-9",
          "If-Range": '"0000"',
        });
        assert.equal(stale.status, 200);
        assert.equal((await stale.arrayBuffer()).byteLength, bytes.length);
      },
    );

    await t.step("If-None-Match with its ETag answers 304 without the bytes", async () => {
      const got = await ann.call("GET", `/api/documents/${id}/content`, undefined, {
        "If-None-Match": `"${sha256(bytes)}"`,
      });
      assert.equal(got.status, 304);
      assert.equal(await got.text(), "");
    });

    await t.step(
      "a download is audited as a read of the document, naming the patient",
      async () => {
        await flushAudit();
        const rows = await sql<{ action: string; patient_ids: number[]; status: number }[]>`
      select action, patient_ids, status from audit_events
      where resource_type = 'document' and user_id = ${ann.id} order by id`;
        assert.ok(rows.some((r) => r.action === "create" && r.status === 201));
        const reads = rows.filter((r) => r.action === "read");
        assert.ok(reads.length >= 4, JSON.stringify(rows));
        assert.ok(reads.every((r) => r.patient_ids.length === 1 && r.patient_ids[0] === patient));
      },
    );

    await t.step("the change feed says document.created, with ids only", async () => {
      const feed = await ann.json("GET", "/api/changes/?after=0&limit=1000");
      const event = feed.body.results.find((e: { resource_type: string; resource_id: number }) =>
        e.resource_type === "document" && e.resource_id === id
      );
      assert.equal(event?.type, "document.created");
      assert.equal(JSON.stringify(event).includes("blood"), false);
    });

    await t.step("there is no unauthenticated URL: without a token, 401", async () => {
      const res = await app.request(`/api/documents/${id}/content`);
      assert.equal(res.status, 401);
      await res.body?.cancel();
    });

    await t.step("another user gets 404 for the document and its patient's list", async () => {
      const bob = await signUp(app);
      assert.equal((await bob.json("GET", `/api/documents/${id}/`)).status, 404);
      assert.equal((await bob.json("GET", `/api/documents/${id}/content`)).status, 404);
      assert.equal((await bob.json("GET", `/api/patients/${patient}/documents/`)).status, 404);
      const res = await upload(bob, patient, FILES.pdf(), "application/pdf", "x.pdf");
      assert.equal(res.status, 404);
      await res.body?.cancel();
    });
  },
);

dbTest(
  "documents: a file whose bytes are not its declared type is refused, and nothing is kept",
  async (t) => {
    const app = await testApp();
    const ann = await signUp(app);
    const patient = await patientOf(ann);
    const ok = async (bytes: Uint8Array, type: string, name: string, expected: string) => {
      const res = await upload(ann, patient, bytes, type, name);
      const body = await res.json();
      assert.equal(res.status, 201, JSON.stringify(body));
      assert.equal(body.content_type, expected);
      return body;
    };
    const refused = async (bytes: Uint8Array, type: string, name: string) => {
      const res = await upload(ann, patient, bytes, type, name);
      const body = await res.json();
      assert.equal(res.status, 415, `${name}: ${JSON.stringify(body)}`);
      assert.deepEqual(errorFields(body), ["file"]);
    };

    await t.step("real PDF, PNG, JPEG and text files are kept under their types", async () => {
      await ok(FILES.pdf(), "application/pdf", "report.pdf", "application/pdf");
      await ok(FILES.png(), "image/png", "scan.png", "image/png");
      await ok(FILES.jpeg(), "image/jpeg", "photo.jpg", "image/jpeg");
      await ok(ascii("Haemoglobin 13.5 g/dL — normal\n"), "text/plain", "note.txt", "text/plain");
    });

    await t.step("a PDF sent as application/octet-stream is known by its content", async () => {
      await ok(FILES.pdf(), "application/octet-stream", "unnamed", "application/pdf");
    });

    await t.step("an HTML page or a program renamed .pdf is 415", async () => {
      await refused(FILES.html(), "application/pdf", "report.pdf");
      await refused(FILES.elf(), "application/pdf", "report.pdf");
      await refused(FILES.elf(), "application/octet-stream", "tool");
      await refused(FILES.png(), "image/jpeg", "photo.jpg");
    });

    await t.step("types outside the list, and text that is not text, are 415", async () => {
      await refused(FILES.html(), "text/html", "page.html");
      await refused(new Uint8Array([0x41, 0, 0x42]), "text/plain", "nul.txt");
      await refused(new Uint8Array([0x41, 0xff, 0xfe, 0x42]), "text/plain", "latin.txt");
      await refused(FILES.pdf(), "text/plain", "pdf.txt");
    });

    await t.step("refused uploads leave no content and no chunk behind", async () => {
      const stored = await storedFor(patient);
      assert.deepEqual(stored, { contents: 5, chunks: 5, documents: 5 });
    });
  },
);

dbTest(
  "documents: exactly DOCUMENT_MAX_BYTES passes, one byte more is 413 and leaves nothing",
  async (t) => {
    const max = 300_000;
    const app = await testApp({ DOCUMENT_MAX_BYTES: String(max) });
    const ann = await signUp(app);
    const patient = await patientOf(ann);
    const sized = (n: number) => {
      const bytes = randomBytes(n);
      bytes.set(FILES.pdf().subarray(0, 9));
      return bytes;
    };

    await t.step("a file of exactly the limit is stored", async () => {
      const bytes = sized(max);
      const res = await upload(ann, patient, bytes, "application/pdf", "max.pdf");
      const body = await res.json();
      assert.equal(res.status, 201, JSON.stringify(body));
      assert.equal(body.size_bytes, max);
      assert.equal(body.sha256, sha256(bytes));
    });

    await t.step(
      "one byte more is 413 naming file, and no row, content or chunk is left",
      async () => {
        const before = await storedFor(patient);
        const res = await upload(ann, patient, sized(max + 1), "application/pdf", "big.pdf");
        const body = await res.json();
        assert.equal(res.status, 413);
        assert.deepEqual(errorFields(body), ["file"]);
        assert.deepEqual(await storedFor(patient), before);
      },
    );

    await t.step("a body declared far larger is refused before it is read", async () => {
      const res = await app.request(`/api/patients/${patient}/documents/`, {
        method: "POST",
        headers: {
          Authorization: `Bearer ${ann.token}`,
          "Content-Type": "multipart/form-data; boundary=x",
          "Content-Length": String(max * 10),
        },
        body: new ReadableStream({ pull: () => new Promise(() => {}) }),
      });
      assert.equal(res.status, 413);
      await res.body?.cancel();
    });
  },
);

dbTest("documents: malformed uploads are 4xx and keep nothing", async (t) => {
  const app = await testApp();
  const ann = await signUp(app);
  const patient = await patientOf(ann);
  const send = async (form: FormData) => {
    const res = await app.request(`/api/patients/${patient}/documents/`, {
      method: "POST",
      headers: { Authorization: `Bearer ${ann.token}` },
      body: form,
    });
    return { status: res.status, body: await res.json() };
  };
  const file = () => new File([FILES.pdf() as BlobPart], "a.pdf", { type: "application/pdf" });

  await t.step("no category, a bad category or date: 400 on those fields", async () => {
    const form = new FormData();
    form.append("file", file());
    let res = await send(form);
    assert.equal(res.status, 400);
    assert.deepEqual(errorFields(res.body), ["category"]);
    const bad = new FormData();
    bad.append("category", "gossip");
    bad.append("document_date", "2026-02-30");
    bad.append("file", file());
    res = await send(bad);
    assert.equal(res.status, 400);
    assert.deepEqual(errorFields(res.body), ["category", "document_date"]);
  });

  await t.step("no file, two files, an unknown field: 400", async () => {
    const none = new FormData();
    none.append("category", "other");
    assert.deepEqual(errorFields((await send(none)).body), ["file"]);
    const two = new FormData();
    two.append("category", "other");
    two.append("file", file());
    two.append("file", file());
    assert.equal((await send(two)).status, 400);
    const extra = new FormData();
    extra.append("category", "other");
    extra.append("owner", "someone else");
    extra.append("file", file());
    const res = await send(extra);
    assert.equal(res.status, 400);
    assert.deepEqual(errorFields(res.body), ["owner"]);
  });

  await t.step("a JSON body is 415", async () => {
    const res = await ann.json("POST", `/api/patients/${patient}/documents/`, { category: "x" });
    assert.equal(res.status, 415);
  });

  await t.step("a body cut off mid-part is 400", async () => {
    const res = await app.request(`/api/patients/${patient}/documents/`, {
      method: "POST",
      headers: {
        Authorization: `Bearer ${ann.token}`,
        "Content-Type": "multipart/form-data; boundary=zzz",
      },
      body: '--zzz\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n' +
        "Content-Type: application/pdf\r\n\r\n%PDF-1.7 truncated",
    });
    assert.equal(res.status, 400, await res.clone().text());
    await res.body?.cancel();
  });

  await t.step("nothing was kept", async () => {
    assert.deepEqual(await storedFor(patient), { contents: 0, chunks: 0, documents: 0 });
  });

  await t.step("bytes a crash left unnamed are swept after an hour, not before", async () => {
    const [old, young] = await sql<{ id: string }[]>`
      insert into document_contents (patient_id, created_by, created_at)
      values (${patient}, ${ann.id}, now() - interval '2 hours'), (${patient}, ${ann.id}, now())
      returning id`;
    await sql`insert into document_chunks (content_id, n, patient_id, data)
      values (${old.id}, 0, ${patient}, ${ascii("%PDF-")}), (${young.id}, 0, ${patient}, ${
      ascii("x")
    })`;
    const kept = await upload(ann, patient, FILES.pdf(), "application/pdf", "kept.pdf", {
      category: "other",
    });
    assert.equal(kept.status, 201);
    await sql`update document_contents set created_at = now() - interval '2 hours'
      where patient_id = ${patient} and id <> ${young.id}`;
    assert.ok((await sweepDocumentContents()).removed >= 1);
    const left = await sql<{ id: string }[]>`
      select id from document_contents where patient_id = ${patient} order by created_at`;
    assert.equal(left.length, 2);
    assert.ok(left.some((r) => r.id === young.id));
    assert.ok(!left.some((r) => r.id === old.id));
    assert.deepEqual(await storedFor(patient), { contents: 2, chunks: 2, documents: 1 });
    const back = await ann.call("GET", `/api/documents/${(await kept.json()).id}/content`);
    assert.deepEqual(new Uint8Array(await back.arrayBuffer()), FILES.pdf());
  });
});

dbTest("documents: a stalled, cut or surplus upload is refused and keeps nothing", async (t) => {
  const app = await testApp({ UPLOADS_IN_FLIGHT: "1", BODY_TIMEOUT_SECONDS: "1" });
  const ann = await signUp(app);
  const patient = await patientOf(ann);
  const head = ascii(
    '--b\r\nContent-Disposition: form-data; name="category"\r\n\r\nother\r\n' +
      '--b\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n' +
      "Content-Type: application/pdf\r\n\r\n%PDF-1.7\n",
  );
  /** An upload whose body sends its head and a first chunk, then waits for `rest`. */
  const held = (rest: Promise<"stall" | "cut">) =>
    app.request(`/api/patients/${patient}/documents/`, {
      method: "POST",
      headers: {
        Authorization: `Bearer ${ann.token}`,
        "Content-Type": "multipart/form-data; boundary=b",
      },
      body: new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(head);
          controller.enqueue(randomBytes(300_000));
          rest.then((how) => {
            if (how === "cut") controller.error(new Error("the client went away"));
          });
        },
      }),
    });

  await t.step("past UPLOADS_IN_FLIGHT another upload gets 503 with Retry-After", async () => {
    let release!: (how: "stall" | "cut") => void;
    const first = held(new Promise((r) => release = r));
    // The first holds the one place once its body is being read.
    await new Promise((r) => setTimeout(r, 200));
    const second = await upload(ann, patient, FILES.pdf(), "application/pdf", "b.pdf");
    assert.equal(second.status, 503);
    assert.ok(second.headers.get("Retry-After"));
    await second.body?.cancel();
    release("cut");
    const cut = await first;
    assert.equal(cut.status, 503, "a body the client stopped sending is 503, to send again");
    await cut.body?.cancel();
  });

  await t.step("an upload that sends nothing for BODY_TIMEOUT_SECONDS is 408", async () => {
    const res = await held(new Promise(() => {}));
    assert.equal(res.status, 408);
    await res.body?.cancel();
  });

  await t.step("neither left content or chunks behind; the next upload is accepted", async () => {
    assert.deepEqual(await storedFor(patient), { contents: 0, chunks: 0, documents: 0 });
    const res = await upload(ann, patient, FILES.pdf(), "application/pdf", "c.pdf");
    assert.equal(res.status, 201);
  });
});

dbTest("documents: metadata lists, changes, deletion, restore and history", async (t) => {
  const app = await testApp();
  const ann = await signUp(app);
  const patient = await patientOf(ann);
  const ids: number[] = [];
  for (const [category, date] of [["lab_report", "2026-01-05"], ["imaging", "2026-02-01"]]) {
    const res = await upload(ann, patient, FILES.png(), "image/png", `${category}.png`, {
      category,
      document_date: date,
      title: `Result ${category}`,
    });
    assert.equal(res.status, 201);
    ids.push((await res.json()).id);
  }
  const list = (query = "") => ann.json("GET", `/api/patients/${patient}/documents/${query}`);

  await t.step("the list is newest first, filters by category and orders by date", async () => {
    const all = await list();
    assert.equal(all.status, 200);
    assert.equal(all.body.count, 2);
    assert.deepEqual(all.body.results.map((d: { id: number }) => d.id), [ids[1], ids[0]]);
    const labs = await list("?category=lab_report");
    assert.deepEqual(labs.body.results.map((d: { id: number }) => d.id), [ids[0]]);
    const byDate = await list("?ordering=document_date");
    assert.deepEqual(byDate.body.results.map((d: { id: number }) => d.id), [ids[0], ids[1]]);
    const later = await list(`?since=${new Date(Date.now() + 60_000).toISOString()}`);
    assert.equal(later.body.count, 0);
    assert.equal((await list("?category=gossip")).status, 400);
  });

  await t.step("PATCH honours If-Match and changes the metadata only", async () => {
    const stale = await ann.json("PATCH", `/api/documents/${ids[0]}/`, { title: "Old" }, {
      "If-Match": '"7"',
    });
    assert.equal(stale.status, 412);
    const res = await ann.json("PATCH", `/api/documents/${ids[0]}/`, {
      title: "  Blood panel  ",
      document_date: null,
    }, { "If-Match": '"1"' });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.title, "Blood panel");
    assert.equal(res.body.document_date, null);
    assert.equal(res.body.version, 2);
    assert.equal(res.body.sha256, sha256(FILES.png()));
    const bad = await ann.json("PATCH", `/api/documents/${ids[0]}/`, { title: "" });
    assert.equal(bad.status, 400);
    assert.deepEqual(errorFields(bad.body), ["title"]);
  });

  await t.step(
    "DELETE hides it (410), include_deleted shows it, restore brings it back",
    async () => {
      assert.equal((await ann.json("DELETE", `/api/documents/${ids[0]}/`)).status, 204);
      assert.equal((await ann.json("GET", `/api/documents/${ids[0]}/`)).status, 410);
      assert.equal((await ann.json("GET", `/api/documents/${ids[0]}/content`)).status, 410);
      assert.equal((await list()).body.count, 1);
      const shown = await list("?include_deleted=true");
      assert.equal(shown.body.count, 2);
      assert.equal((await ann.json("DELETE", `/api/documents/${ids[0]}/`)).status, 410);
      const restored = await ann.json("POST", `/api/documents/${ids[0]}/restore/`);
      assert.equal(restored.status, 200);
      assert.equal(restored.body.deleted_at, null);
      assert.equal((await ann.json("POST", `/api/documents/${ids[0]}/restore/`)).status, 409);
      const back = await ann.call("GET", `/api/documents/${ids[0]}/content`);
      assert.deepEqual(new Uint8Array(await back.arrayBuffer()), FILES.png());
    },
  );

  await t.step("history lists every version of the metadata, newest first", async () => {
    const res = await ann.json("GET", `/api/documents/${ids[0]}/history/`);
    assert.equal(res.status, 200);
    assert.deepEqual(
      res.body.results.map((v: { action: string }) => v.action),
      ["restore", "delete", "update", "create"],
    );
    assert.equal(res.body.results[3].snapshot.title, "Result lab_report");
    assert.equal(res.body.results[3].snapshot.size_bytes, FILES.png().length);
    const one = await ann.json("GET", `/api/documents/${ids[0]}/history/2/`);
    assert.equal(one.body.snapshot.title, "Blood panel");
    assert.equal((await ann.json("GET", `/api/documents/${ids[0]}/history/9/`)).status, 404);
  });

  await t.step("a deleted patient's documents answer 410", async () => {
    assert.equal((await ann.json("DELETE", `/api/patients/${patient}/`)).status, 204);
    assert.equal((await ann.json("GET", `/api/documents/${ids[1]}/`)).status, 410);
    assert.equal((await list()).status, 410);
    const res = await upload(ann, patient, FILES.pdf(), "application/pdf", "late.pdf");
    assert.equal(res.status, 410);
    await res.body?.cancel();
  });

  await t.step("an admin's purge of the patient removes its documents' bytes", async () => {
    const admin = await signUpAdmin(app);
    const res = await admin.json("DELETE", `/api/patients/${patient}/?purge=true`);
    assert.equal(res.status, 204);
    assert.deepEqual(await storedFor(patient), { contents: 0, chunks: 0, documents: 0 });
  });
});

dbTest(
  "documents: clinic roles — front_desk reads none, viewers read, strangers see nothing",
  async (t) => {
    const app = await testApp();
    const team = await makeTeam(app);
    const patient = await patientOf(team.clinician, { clinic: team.clinic });
    const res = await upload(team.clinician, patient, FILES.pdf(), "application/pdf", "ecg.pdf");
    assert.equal(res.status, 201);
    const id = (await res.json()).id;
    const status = async (user: Client, method: string, path: string, body?: unknown) =>
      (await user.json(method, path, body)).status;

    await t.step("owner, clinician, viewer and admin read; front_desk gets 403", async () => {
      for (const who of ["owner", "clinician", "viewer", "admin"] as const) {
        assert.equal(await status(team[who], "GET", `/api/documents/${id}/`), 200, who);
        const got = await team[who].call("GET", `/api/documents/${id}/content`);
        assert.equal(got.status, 200, who);
        assert.deepEqual(new Uint8Array(await got.arrayBuffer()), FILES.pdf());
        assert.equal(await status(team[who], "GET", `/api/patients/${patient}/documents/`), 200);
      }
      for (const path of [`/api/documents/${id}/`, `/api/documents/${id}/content`]) {
        assert.equal(await status(team.front_desk, "GET", path), 403, path);
      }
      assert.equal(
        await status(team.front_desk, "GET", `/api/patients/${patient}/documents/`),
        403,
      );
      assert.equal(await status(team.front_desk, "GET", `/api/documents/${id}/history/`), 403);
    });

    await t.step("front_desk and viewer may not upload or change: 403", async () => {
      for (const who of ["front_desk", "viewer"] as const) {
        const up = await upload(team[who], patient, FILES.pdf(), "application/pdf", "x.pdf");
        assert.equal(up.status, 403, who);
        await up.body?.cancel();
        assert.equal(
          await status(team[who], "PATCH", `/api/documents/${id}/`, { title: "x" }),
          403,
        );
        assert.equal(await status(team[who], "DELETE", `/api/documents/${id}/`), 403);
      }
    });

    await t.step("outsiders, removed members and another clinic get 404 everywhere", async () => {
      for (const who of ["outsider", "removed", "other_clinic"] as const) {
        for (const path of [`/api/documents/${id}/`, `/api/documents/${id}/content`]) {
          assert.equal(await status(team[who], "GET", path), 404, `${who} ${path}`);
        }
        assert.equal(await status(team[who], "GET", `/api/patients/${patient}/documents/`), 404);
        assert.equal(
          await status(team[who], "PATCH", `/api/documents/${id}/`, { title: "x" }),
          404,
        );
        const up = await upload(team[who], patient, FILES.pdf(), "application/pdf", "x.pdf");
        assert.equal(up.status, 404, who);
        await up.body?.cancel();
      }
    });

    await t.step("the change feed tells a document's events only to its readers", async () => {
      const docEvents = async (who: "clinician" | "viewer" | "front_desk") => {
        const feed = await team[who].json("GET", "/api/changes/?after=0&limit=1000");
        assert.equal(feed.status, 200);
        return feed.body.results.filter((e: { resource_type: string; resource_id: number }) =>
          e.resource_type === "document" && e.resource_id === id
        ).length;
      };
      assert.equal(await docEvents("clinician"), 1);
      assert.equal(await docEvents("viewer"), 1);
      assert.equal(await docEvents("front_desk"), 0);
      // The patient's own events still reach the front desk.
      const feed = await team.front_desk.json("GET", "/api/changes/?after=0&limit=1000");
      assert.ok(
        feed.body.results.some((e: { resource_type: string; resource_id: number }) =>
          e.resource_type === "patient" && e.resource_id === patient
        ),
      );
    });

    await t.step(
      "an owner changes its metadata",
      async () => {
        const res = await team.owner.json("PATCH", `/api/documents/${id}/`, {
          category: "imaging",
        });
        assert.equal(res.status, 200);
        assert.equal(res.body.category, "imaging");
      },
    );

    await t.step("row-level security: another clinic's context reads no chunk of it", async () => {
      const rows = await sql.begin(async (tx) => {
        await tx`set local role healthcare_app`;
        await tx`select set_config('app.admin', 'off', true),
        set_config('app.read_keys', ${`{${team.otherClinic}}`}, true),
        set_config('app.write_keys', ${`{${team.otherClinic}}`}, true)`;
        const docs = await tx`select * from documents`;
        const chunks = await tx`select * from document_chunks`;
        const contents = await tx`select * from document_contents`;
        return docs.length + chunks.length + contents.length;
      });
      assert.equal(rows, 0);
    });
  },
);

Deno.test("documents: byte ranges are read as RFC 9110 says", () => {
  assert.deepEqual(byteRange("bytes=0-9", 100), { start: 0, end: 9 });
  assert.deepEqual(byteRange("bytes=90-", 100), { start: 90, end: 99 });
  assert.deepEqual(byteRange("bytes=90-500", 100), { start: 90, end: 99 });
  assert.deepEqual(byteRange("bytes=-5", 100), { start: 95, end: 99 });
  assert.deepEqual(byteRange("bytes=-500", 100), { start: 0, end: 99 });
  assert.equal(byteRange("bytes=100-", 100), "unsatisfiable");
  assert.equal(byteRange("bytes=-0", 100), "unsatisfiable");
  assert.equal(byteRange("bytes=5-1", 100), undefined);
  assert.equal(byteRange("bytes=0-1,5-6", 100), undefined);
  assert.equal(byteRange("items=0-1", 100), undefined);
  assert.equal(byteRange(undefined, 100), undefined);
});

Deno.test("documents: every accepted type is known by its magic number, and only by it", () => {
  const starts: Record<string, Uint8Array> = {
    "application/pdf": FILES.pdf(),
    "image/png": FILES.png(),
    "image/jpeg": FILES.jpeg(),
    "image/tiff": new Uint8Array([0x49, 0x49, 0x2a, 0x00, 8, 0, 0, 0]),
    "image/webp": new Uint8Array([...ascii("RIFF"), 36, 0, 0, 0, ...ascii("WEBPVP8 ")]),
    "application/dicom": new Uint8Array([...new Array(128).fill(0), ...ascii("DICM"), 2, 0]),
  };
  for (const [type, start] of Object.entries(starts)) {
    assert.equal(sniff(start), type);
    assert.ok(agrees(declaredType(type)!, start), type);
    assert.ok(!agrees(declaredType(type)!, FILES.html()), `${type}: HTML`);
    assert.ok(!agrees("text/plain", start) || type === "application/dicom", `${type} as text`);
  }
  assert.ok(agrees("image/tiff", new Uint8Array([0x4d, 0x4d, 0x00, 0x2a])));
  assert.equal(declaredType("image/jpg; name=x"), "image/jpeg");
  assert.equal(declaredType("text/html"), undefined);
  assert.equal(sniff(FILES.elf()), undefined);
});

Deno.test("documents: base64 of a large file (FHIR Binary) round-trips", () => {
  const bytes = randomBytes(3_000_001);
  assert.deepEqual(base64ToBytes(bytesToBase64(bytes)), bytes);
});
