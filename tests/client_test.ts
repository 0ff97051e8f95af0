/**
 * The typed client a front end gets for free: `openapi-fetch` over the types generated from
 * openapi.json (client/schema.d.ts). A path, parameter or field the document does not have
 * fails `deno task check`; an answer the document does not describe fails here.
 */
import assert from "node:assert/strict";
import createClient from "openapi-fetch";
import type { paths } from "../client/schema.d.ts";
import { patientSchema } from "../routes/patients.ts";
import { dbTest, testApp } from "./helpers.ts";

async function typedClient() {
  const app = await testApp();
  return createClient<paths>({
    baseUrl: "http://clinic.test",
    fetch: (request) => Promise.resolve(app.request(request)),
  });
}

dbTest("a front end's typed client signs up, keeps a patient and assigns a doctor", async () => {
  const api = await typedClient();
  const email = `typed.${crypto.randomUUID().slice(0, 8)}@example.com`;
  const signed = await api.POST("/api/auth/register/", {
    body: { name: "Typed Client", email, password: "Maple-Orbit-5521" },
  });
  assert.equal(signed.response.status, 201);
  const headers = { Authorization: `Bearer ${signed.data!.access}` };
  assert.equal(signed.data!.user.email, email);

  const created = await api.POST("/api/patients/", {
    headers,
    body: {
      name: "Grace Typed",
      date_of_birth: "1985-02-03",
      gender: "female",
      blood_group: "AB+",
    },
  });
  assert.equal(created.response.status, 201);
  const patient = patientSchema.parse(created.data);
  assert.equal(patient.gender, "female");
  assert.equal(patient.blood_group, "AB+");

  const path = { id: patient.id };
  const read = await api.GET("/api/patients/{id}/", { headers, params: { path } });
  const etag = read.response.headers.get("ETag")!;
  assert.equal(etag, `"${patient.version}"`);
  const changed = await api.PATCH("/api/patients/{id}/", {
    headers: { ...headers, "If-Match": etag },
    params: { path },
    body: { phone: "+1 555-0199" },
  });
  assert.equal(changed.data?.phone, "+1 555-0199");
  const stale = await api.PATCH("/api/patients/{id}/", {
    headers: { ...headers, "If-Match": etag },
    params: { path },
    body: { city: "Leeds" },
  });
  assert.equal(stale.response.status, 412);
  assert.equal(stale.error?.errors?.[0].field, "If-Match");

  const listed = await api.GET("/api/patients/", {
    headers,
    params: { query: { gender: "female", ordering: "-created_at", limit: 5, offset: 0 } },
  });
  assert.equal(listed.data?.count, 1);
  assert.equal(listed.data?.results[0].id, patient.id);

  const doctor = await api.POST("/api/doctors/", {
    headers,
    body: { name: "Dr Typed", specialization: "internal_medicine", consultation_fee: "80.5" },
  });
  assert.equal(doctor.data?.specialization, "internal_medicine");
  assert.equal(doctor.data?.consultation_fee, "80.50");
  const assigned = await api.POST("/api/mappings/", {
    headers,
    body: { patient: patient.id, doctor: doctor.data!.id, is_primary: true },
  });
  assert.equal(assigned.response.status, 201);
  const team = await api.GET("/api/patients/{id}/doctors/", { headers, params: { path } });
  assert.deepEqual(team.data?.results.map((m) => m.doctor_detail.name), ["Dr Typed"]);

  const filtered = await api.GET("/api/mappings/", {
    headers,
    params: { query: { patient_id: patient.id, is_primary: true } },
  });
  assert.equal(filtered.data?.count, 1);
  const gone = await api.DELETE("/api/patients/{id}/", {
    headers: { ...headers, "If-Match": `"${changed.data!.version}"` },
    params: { path },
  });
  assert.equal(gone.response.status, 204);
  const missing = await api.GET("/api/patients/{id}/", { headers, params: { path } });
  assert.equal(missing.response.status, 410);
  assert.equal(missing.error?.status, 410);
});
