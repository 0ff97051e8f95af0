/** Generated from openapi.json by `deno task openapi`: do not edit. */

export interface paths {
    "/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Where each part of the API lives (as GET /api/) */
        get: operations["getServiceRoot"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness */
        get: operations["liveness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: database reachable and migrated */
        get: operations["readiness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Prometheus metrics (Bearer METRICS_TOKEN; 404 when it is not set) */
        get: operations["getMetrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/register/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Register and sign in */
        post: operations["register"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/login/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in */
        post: operations["login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/refresh/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Rotate a refresh token */
        post: operations["refreshTokens"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/token/refresh/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Rotate a refresh token (alias) */
        post: operations["refreshTokensAlias"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/logout/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End this session (or, with all: true, every session) on every instance */
        post: operations["logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/sessions/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's live sessions */
        get: operations["listSessions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/sessions/{id}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** End one of the caller's sessions */
        delete: operations["endSession"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/password/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change the password; every other session ends */
        post: operations["changePassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/me/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user */
        get: operations["getMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change your name or email (a new email needs current_password) */
        patch: operations["updateMe"];
        trace?: never;
    };
    "/api/patients/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List patients */
        get: operations["listPatients"];
        put?: never;
        /** Create a patient */
        post: operations["createPatient"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patients/{id}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read one (304 when If-None-Match names the current ETag) */
        get: operations["getPatient"];
        /** Replace every writable field */
        put: operations["replacePatient"];
        post?: never;
        /** Delete (restorable); `purge=true` removes it for good (admins) */
        delete: operations["deletePatient"];
        options?: never;
        head?: never;
        /** Change the fields sent */
        patch: operations["updatePatient"];
        trace?: never;
    };
    "/api/patients/{id}/restore/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Restore a deleted patient */
        post: operations["restorePatient"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patients/{id}/history/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The patient's versions, newest first */
        get: operations["listPatientVersions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patients/{id}/history/{version}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One version of the patient */
        get: operations["getPatientVersion"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patients/{id}/doctors/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The patient's doctor assignments */
        get: operations["listPatientDoctors"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patients/{id}/appointments/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The patient's appointments, by start */
        get: operations["listPatientAppointments"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patients/{id}/documents/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The patient's documents, newest first */
        get: operations["listPatientDocuments"];
        put?: never;
        /** Attach a file to the patient's record (multipart/form-data, streamed) */
        post: operations["uploadDocument"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patients/{id}/access-log/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who read or changed this patient (owner or admin) */
        get: operations["getPatientAccessLog"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/doctors/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List doctors */
        get: operations["listDoctors"];
        put?: never;
        /** Create a doctor */
        post: operations["createDoctor"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/doctors/{id}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read one (304 when If-None-Match names the current ETag) */
        get: operations["getDoctor"];
        /** Replace every writable field */
        put: operations["replaceDoctor"];
        post?: never;
        /** Delete (restorable; not while it has assignments) */
        delete: operations["deleteDoctor"];
        options?: never;
        head?: never;
        /** Change the fields sent */
        patch: operations["updateDoctor"];
        trace?: never;
    };
    "/api/doctors/{id}/restore/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Restore a deleted doctor */
        post: operations["restoreDoctor"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/doctors/{id}/history/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The doctor's versions, newest first */
        get: operations["listDoctorVersions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/doctors/{id}/schedule/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The doctor's working hours (404 until one is set) */
        get: operations["getDoctorSchedule"];
        /** Set the doctor's working hours in its time zone (creator or admin) */
        put: operations["replaceDoctorSchedule"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/doctors/{id}/availability/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Free slots inside the doctor's hours (a window of at most 31 days) */
        get: operations["getDoctorAvailability"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/doctors/{id}/history/{version}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One version of the doctor */
        get: operations["getDoctorVersion"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/mappings/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Assignments of your patients */
        get: operations["listMappings"];
        put?: never;
        /** Assign a doctor to a patient */
        post: operations["createMapping"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/mappings/patient/{id}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Assignments of the patient with this patient id */
        get: operations["listPatientMappings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/mappings/detail/{id}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One assignment (304 when If-None-Match names the current ETag) */
        get: operations["getMapping"];
        put?: never;
        post?: never;
        /** Remove one assignment (restorable) */
        delete: operations["deleteMapping"];
        options?: never;
        head?: never;
        /** Change is_primary or notes */
        patch: operations["updateMapping"];
        trace?: never;
    };
    "/api/mappings/detail/{id}/restore/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Restore a removed assignment */
        post: operations["restoreMapping"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/mappings/{id}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Assignments of the patient with this **patient** id */
        get: operations["listPatientMappingsAlias"];
        put?: never;
        post?: never;
        /** Remove the assignment with this **mapping** id */
        delete: operations["deleteMappingAlias"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/appointments/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Appointments of your patients, by start */
        get: operations["listAppointments"];
        put?: never;
        /** Book an appointment (409 on start when the doctor is booked then) */
        post: operations["createAppointment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/appointments/{id}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One appointment (304 when If-None-Match names the current ETag) */
        get: operations["getAppointment"];
        put?: never;
        post?: never;
        /** Delete one entered in error (restorable); its time is free again */
        delete: operations["deleteAppointment"];
        options?: never;
        head?: never;
        /** Move it, change its status (booked → arrived → fulfilled; cancelled, noshow) or its text */
        patch: operations["updateAppointment"];
        trace?: never;
    };
    "/api/appointments/{id}/restore/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Restore a deleted appointment (409 on start when its time was booked since) */
        post: operations["restoreAppointment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/appointments/{id}/history/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The appointment's versions, newest first */
        get: operations["listAppointmentVersions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/appointments/{id}/history/{version}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One version of the appointment */
        get: operations["getAppointmentVersion"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/documents/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A document's metadata */
        get: operations["getDocument"];
        put?: never;
        post?: never;
        /** Delete a document (restorable; its bytes are kept until the patient is purged) */
        delete: operations["deleteDocument"];
        options?: never;
        head?: never;
        /** Change a document's title, category or date */
        patch: operations["updateDocument"];
        trace?: never;
    };
    "/api/documents/{id}/content": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The document's bytes (Range: 206; ETag: its SHA-256) */
        get: operations["getDocumentContent"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/documents/{id}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Restore a deleted document */
        post: operations["restoreDocument"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/documents/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The document's versions (its metadata), newest first */
        get: operations["listDocumentVersions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/documents/{id}/history/{version}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One version of the document's metadata */
        get: operations["getDocumentVersion"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/changes/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Changes to the records you may see, after a point (poll with next_after) */
        get: operations["listChanges"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/webhooks/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The webhooks you manage, newest first */
        get: operations["listWebhooks"];
        put?: never;
        /** Subscribe a receiver to events (the secret is shown once) */
        post: operations["createWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/webhooks/{id}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One webhook */
        get: operations["getWebhook"];
        put?: never;
        post?: never;
        /** Unsubscribe (its deliveries go with it) */
        delete: operations["deleteWebhook"];
        options?: never;
        head?: never;
        /** Change its URL, events or description; re-enable it */
        patch: operations["updateWebhook"];
        trace?: never;
    };
    "/api/webhooks/{id}/rotate-secret/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A new signing secret, shown once; the old one stops signing at once */
        post: operations["rotateWebhookSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/webhooks/{id}/deliveries/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Its deliveries, newest first */
        get: operations["listWebhookDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/webhooks/{id}/deliveries/{delivery}/redeliver/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a delivery again (202: it is due now) */
        post: operations["redeliverWebhookDelivery"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/clinics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's clinics (admins: all) */
        get: operations["listClinics"];
        put?: never;
        /** Create a clinic (its creator becomes its owner) */
        post: operations["createClinic"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/clinics/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read one (members) */
        get: operations["getClinic"];
        put?: never;
        post?: never;
        /** Delete a clinic that holds no patients (owners) */
        delete: operations["deleteClinic"];
        options?: never;
        head?: never;
        /** Rename (owners) */
        patch: operations["updateClinic"];
        trace?: never;
    };
    "/api/clinics/{id}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The clinic's members (members) */
        get: operations["listClinicMembers"];
        put?: never;
        /** Add a member by email (owners) */
        post: operations["addClinicMember"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/clinics/{id}/members/{user_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a member (owners), or leave the clinic (any member) */
        delete: operations["removeClinicMember"];
        options?: never;
        head?: never;
        /** Change a member's role (owners) */
        patch: operations["changeClinicMember"];
        trace?: never;
    };
    "/api/clinics/{id}/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The audit events of the clinic's patients and members (owners) */
        get: operations["listClinicAuditEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The audit trail, newest first (admins) */
        get: operations["listAuditEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List users (search by name or email; filter by role and is_active) */
        get: operations["listUsers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{id}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read one user */
        get: operations["getUser"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Rename, change the role, deactivate or reactivate; a new role or a deactivation ends the user's sessions at once */
        patch: operations["updateUser"];
        trace?: never;
    };
    "/api/users/{id}/sessions/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A user's live sessions */
        get: operations["listUserSessions"];
        put?: never;
        post?: never;
        /** End every session of a user, on every instance */
        delete: operations["endUserSessions"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{id}/login-failures/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Forget the failed sign-ins counted for the user's email (lifts a lockout) */
        delete: operations["clearUserLoginFailures"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/fhir/metadata": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The CapabilityStatement (no token needed) */
        get: operations["fhirCapabilities"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/fhir/Patient": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Search Patient resources (a searchset Bundle) */
        get: operations["searchFhirPatients"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/fhir/Patient/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a Patient */
        get: operations["readFhirPatient"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/fhir/Patient/{id}/_history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The versions of a Patient, newest first (a history Bundle) */
        get: operations["historyFhirPatient"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/fhir/Patient/{id}/_history/{vid}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read one version of a Patient */
        get: operations["vreadFhirPatient"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/fhir/Practitioner": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Search Practitioner resources (a searchset Bundle) */
        get: operations["searchFhirPractitioners"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/fhir/Practitioner/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a Practitioner */
        get: operations["readFhirPractitioner"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/fhir/Practitioner/{id}/_history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The versions of a Practitioner, newest first (a history Bundle) */
        get: operations["historyFhirPractitioner"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/fhir/Practitioner/{id}/_history/{vid}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read one version of a Practitioner */
        get: operations["vreadFhirPractitioner"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/fhir/PractitionerRole": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Search PractitionerRole resources (a searchset Bundle) */
        get: operations["searchFhirPractitionerRoles"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/fhir/PractitionerRole/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a PractitionerRole */
        get: operations["readFhirPractitionerRole"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/fhir/CareTeam": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Search CareTeam resources (a searchset Bundle) */
        get: operations["searchFhirCareTeams"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/fhir/Organization": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Search Organization resources (a searchset Bundle) */
        get: operations["searchFhirOrganizations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/fhir/Organization/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a Organization */
        get: operations["readFhirOrganization"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/fhir/Appointment": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Search Appointment resources (a searchset Bundle) */
        get: operations["searchFhirAppointments"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/fhir/Appointment/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a Appointment */
        get: operations["readFhirAppointment"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/fhir/DocumentReference": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Search DocumentReference resources (a searchset Bundle) */
        get: operations["searchFhirDocumentReferences"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/fhir/DocumentReference/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a DocumentReference */
        get: operations["readFhirDocumentReference"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/fhir/Binary/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a Binary */
        get: operations["readFhirBinary"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/fhir/Schedule": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Search Schedule resources (a searchset Bundle) */
        get: operations["searchFhirSchedules"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/fhir/Schedule/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a Schedule */
        get: operations["readFhirSchedule"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/fhir/Slot": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Search Slot resources (a searchset Bundle) */
        get: operations["searchFhirSlots"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/fhir/CareTeam/{team}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a CareTeam */
        get: operations["readFhirCareTeam"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Where each part of the API lives */
        get: operations["getApiRoot"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This document */
        get: operations["getOpenApiDocument"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/docs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Interactive reference (HTML) */
        get: operations["getDocsPage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/docs/assets/{file}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Assets of the reference page */
        get: operations["getDocsAsset"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        ApiRoot: {
            auth: string;
            patients: string;
            doctors: string;
            mappings: string;
            audit: string;
            users: string;
            fhir: string;
            docs: string;
            openapi: string;
        };
        Appointment: {
            id: number;
            patient: number;
            doctor: number;
            /**
             * Format: date-time
             * @example 2026-01-15T10:30:00.000Z
             */
            start: string;
            /**
             * Format: date-time
             * @example 2026-01-15T10:30:00.000Z
             */
            end: string;
            /** @enum {string} */
            status: "booked" | "arrived" | "fulfilled" | "cancelled" | "noshow";
            reason: string | null;
            notes: string | null;
            /** @description `notes` is answered as null to a front_desk member */
            redacted_fields?: "notes"[];
            created_by: number;
            /**
             * Format: date-time
             * @example 2026-01-15T10:30:00.000Z
             */
            created_at: string;
            /**
             * Format: date-time
             * @example 2026-01-15T10:30:00.000Z
             */
            updated_at: string;
            version: number;
            deleted_at: string | null;
            deleted_by: number | null;
        };
        /** @description `end` may be replaced by `duration_minutes`. A time the doctor is already booked for answers 409 on `start`. */
        AppointmentInput: {
            patient?: number;
            patient_id?: number;
            doctor?: number;
            doctor_id?: number;
            /**
             * Format: date-time
             * @description An ISO 8601 timestamp with its zone (Z or an offset)
             */
            start?: string;
            /**
             * Format: date-time
             * @description An ISO 8601 timestamp with its zone (Z or an offset)
             */
            end?: string;
            duration_minutes?: number;
            /** @enum {string} */
            status?: "booked" | "arrived" | "fulfilled" | "cancelled" | "noshow";
            reason?: string | null;
            notes?: string | null;
        };
        AppointmentList: {
            count: number;
            /**
             * @description Present when more matched than COUNT_EXACT_UP_TO: `count` is then the planner's estimate, not a count
             * @constant
             */
            count_is_estimate?: true;
            /** Format: uri-reference */
            next: string | null;
            /** Format: uri-reference */
            previous: string | null;
            results: components["schemas"]["Appointment"][];
        };
        AppointmentPatch: {
            /**
             * Format: date-time
             * @description An ISO 8601 timestamp with its zone (Z or an offset)
             */
            start?: string;
            /**
             * Format: date-time
             * @description An ISO 8601 timestamp with its zone (Z or an offset)
             */
            end?: string;
            duration_minutes?: number;
            /** @enum {string} */
            status?: "booked" | "arrived" | "fulfilled" | "cancelled" | "noshow";
            reason?: string | null;
            notes?: string | null;
        };
        AppointmentVersion: {
            version: number;
            /**
             * Format: date-time
             * @example 2026-01-15T10:30:00.000Z
             */
            at: string;
            by: number | null;
            /** @enum {string} */
            action: "create" | "update" | "delete" | "restore" | "purge";
            changed_fields: string[];
            /** @description Null in a purge's tombstone */
            snapshot: components["schemas"]["Appointment"] | null;
        };
        AppointmentVersionList: {
            count: number;
            /**
             * @description Present when more matched than COUNT_EXACT_UP_TO: `count` is then the planner's estimate, not a count
             * @constant
             */
            count_is_estimate?: true;
            /** Format: uri-reference */
            next: string | null;
            /** Format: uri-reference */
            previous: string | null;
            results: components["schemas"]["AppointmentVersion"][];
        };
        AuditEvent: {
            id: number;
            /**
             * Format: date-time
             * @example 2026-01-15T10:30:00.000Z
             */
            at: string;
            user_id: number | null;
            /** @enum {string} */
            action: "read" | "list" | "create" | "update" | "delete" | "restore" | "purge" | "member_add" | "member_change" | "member_remove";
            /** @enum {string} */
            resource_type: "patient" | "doctor" | "mapping" | "user" | "clinic" | "appointment" | "webhook";
            resource_id: number | null;
            patient_ids: number[];
            clinic_id: number | null;
            client_ip: string | null;
            request_id: string;
            status: number;
        };
        AuditEventList: {
            count: number;
            /**
             * @description Present when more matched than COUNT_EXACT_UP_TO: `count` is then the planner's estimate, not a count
             * @constant
             */
            count_is_estimate?: true;
            /** Format: uri-reference */
            next: string | null;
            /** Format: uri-reference */
            previous: string | null;
            results: components["schemas"]["AuditEvent"][];
        };
        AuthResult: {
            user: components["schemas"]["User"];
            access: string;
            refresh: string;
        };
        Availability: {
            doctor: number;
            /** @description Null when the doctor has no schedule */
            timezone: string | null;
            slot_minutes: number;
            slots: {
                /**
                 * Format: date-time
                 * @example 2026-01-15T10:30:00.000Z
                 */
                start: string;
                /**
                 * Format: date-time
                 * @example 2026-01-15T10:30:00.000Z
                 */
                end: string;
            }[];
        };
        /** @description FHIR R4 CapabilityStatement */
        CapabilityStatement: {
            /** @constant */
            resourceType: "CapabilityStatement";
            /** @constant */
            fhirVersion: "4.0.1";
        } & {
            [key: string]: unknown;
        };
        ChangeEvent: {
            /** Format: uuid */
            id: string;
            seq: number;
            /**
             * @example patient.created
             * @example appointment.updated
             */
            type: string;
            /**
             * Format: date-time
             * @example 2026-01-15T10:30:00.000Z
             */
            occurred_at: string;
            clinic_id: number | null;
            /** @enum {string} */
            resource_type: "patient" | "mapping" | "appointment" | "document";
            resource_id: number;
            version: number;
        };
        ChangePage: {
            results: components["schemas"]["ChangeEvent"][];
            /** @description Send it as `after` to read on; the same value when nothing is new */
            next_after: number;
        };
        Clinic: {
            id: number;
            name: string;
            role: ("owner" | "clinician" | "front_desk" | "viewer") | null;
            /**
             * Format: date-time
             * @example 2026-01-15T10:30:00.000Z
             */
            created_at: string;
            /**
             * Format: date-time
             * @example 2026-01-15T10:30:00.000Z
             */
            updated_at: string;
            version: number;
        };
        ClinicInput: {
            name: string;
        };
        ClinicList: {
            count: number;
            /**
             * @description Present when more matched than COUNT_EXACT_UP_TO: `count` is then the planner's estimate, not a count
             * @constant
             */
            count_is_estimate?: true;
            /** Format: uri-reference */
            next: string | null;
            /** Format: uri-reference */
            previous: string | null;
            results: components["schemas"]["Clinic"][];
        };
        ClinicMember: {
            user_id: number;
            name: string;
            email: string;
            /** @enum {string} */
            role: "owner" | "clinician" | "front_desk" | "viewer";
            /**
             * Format: date-time
             * @example 2026-01-15T10:30:00.000Z
             */
            added_at: string;
            added_by: number | null;
        };
        ClinicMemberList: {
            count: number;
            /**
             * @description Present when more matched than COUNT_EXACT_UP_TO: `count` is then the planner's estimate, not a count
             * @constant
             */
            count_is_estimate?: true;
            /** Format: uri-reference */
            next: string | null;
            /** Format: uri-reference */
            previous: string | null;
            results: components["schemas"]["ClinicMember"][];
        };
        ClinicPatch: {
            name?: string;
        };
        Credentials: {
            email: string;
            password: string;
        };
        Doctor: {
            id: number;
            name: string;
            /** @enum {string} */
            specialization: "general" | "cardiology" | "dermatology" | "endocrinology" | "gastroenterology" | "hematology" | "infectious_disease" | "internal_medicine" | "nephrology" | "neurology" | "obstetrics_gynecology" | "oncology" | "ophthalmology" | "orthopedics" | "pediatrics" | "psychiatry" | "pulmonology" | "radiology" | "rheumatology" | "surgery" | "urology" | "other";
            contact_info: string | null;
            email: string | null;
            phone: string | null;
            license_number: string | null;
            years_of_experience: number | null;
            qualification: string | null;
            hospital_name: string | null;
            city: string | null;
            state: string | null;
            country: string | null;
            bio: string | null;
            /** @example 250.00 */
            consultation_fee: string | null;
            is_available: boolean;
            created_by: number;
            /**
             * Format: date-time
             * @example 2026-01-15T10:30:00.000Z
             */
            created_at: string;
            /**
             * Format: date-time
             * @example 2026-01-15T10:30:00.000Z
             */
            updated_at: string;
            version: number;
            deleted_at: string | null;
            deleted_by: number | null;
        };
        DoctorInput: {
            name: string;
            /**
             * @description Also accepted in any case, with spaces or hyphens (`Internal Medicine`), and common other names: `Cardiologist`, `Orthopaedics`, `OB/GYN`, `Obstetrics and Gynecology`; ENT, anaesthesia and emergency medicine are `other`
             * @enum {string}
             */
            specialization: "general" | "cardiology" | "dermatology" | "endocrinology" | "gastroenterology" | "hematology" | "infectious_disease" | "internal_medicine" | "nephrology" | "neurology" | "obstetrics_gynecology" | "oncology" | "ophthalmology" | "orthopedics" | "pediatrics" | "psychiatry" | "pulmonology" | "radiology" | "rheumatology" | "surgery" | "urology" | "other";
            contact_info?: string | null;
            email?: (string | "") | null;
            /**
             * @description 7 to 15 digits, optionally with spaces, +, -, ( and ); blank or null clears it
             * @example +1 555-0100
             */
            phone?: string | null;
            license_number?: string | null;
            years_of_experience?: number | null;
            qualification?: string | null;
            hospital_name?: string | null;
            city?: string | null;
            state?: string | null;
            country?: string | null;
            bio?: string | null;
            /** @description An amount of 0 or more with at most two decimals */
            consultation_fee?: number | string | null;
            is_available?: boolean;
        };
        DoctorList: {
            count: number;
            /**
             * @description Present when more matched than COUNT_EXACT_UP_TO: `count` is then the planner's estimate, not a count
             * @constant
             */
            count_is_estimate?: true;
            /** Format: uri-reference */
            next: string | null;
            /** Format: uri-reference */
            previous: string | null;
            results: components["schemas"]["Doctor"][];
        };
        DoctorPatch: {
            name?: string;
            /**
             * @description Also accepted in any case, with spaces or hyphens (`Internal Medicine`), and common other names: `Cardiologist`, `Orthopaedics`, `OB/GYN`, `Obstetrics and Gynecology`; ENT, anaesthesia and emergency medicine are `other`
             * @enum {string}
             */
            specialization?: "general" | "cardiology" | "dermatology" | "endocrinology" | "gastroenterology" | "hematology" | "infectious_disease" | "internal_medicine" | "nephrology" | "neurology" | "obstetrics_gynecology" | "oncology" | "ophthalmology" | "orthopedics" | "pediatrics" | "psychiatry" | "pulmonology" | "radiology" | "rheumatology" | "surgery" | "urology" | "other";
            contact_info?: string | null;
            email?: (string | "") | null;
            /**
             * @description 7 to 15 digits, optionally with spaces, +, -, ( and ); blank or null clears it
             * @example +1 555-0100
             */
            phone?: string | null;
            license_number?: string | null;
            years_of_experience?: number | null;
            qualification?: string | null;
            hospital_name?: string | null;
            city?: string | null;
            state?: string | null;
            country?: string | null;
            bio?: string | null;
            /** @description An amount of 0 or more with at most two decimals */
            consultation_fee?: number | string | null;
            is_available?: boolean;
        };
        DoctorVersion: {
            version: number;
            /**
             * Format: date-time
             * @example 2026-01-15T10:30:00.000Z
             */
            at: string;
            by: number | null;
            /** @enum {string} */
            action: "create" | "update" | "delete" | "restore" | "purge";
            changed_fields: string[];
            /** @description Null in a purge's tombstone */
            snapshot: components["schemas"]["Doctor"] | null;
        };
        DoctorVersionList: {
            count: number;
            /**
             * @description Present when more matched than COUNT_EXACT_UP_TO: `count` is then the planner's estimate, not a count
             * @constant
             */
            count_is_estimate?: true;
            /** Format: uri-reference */
            next: string | null;
            /** Format: uri-reference */
            previous: string | null;
            results: components["schemas"]["DoctorVersion"][];
        };
        Document: {
            id: number;
            patient: number;
            title: string;
            /** @enum {string} */
            category: "lab_report" | "imaging" | "referral" | "prescription" | "consent" | "clinical_note" | "other";
            /** @enum {string} */
            content_type: "application/pdf" | "image/png" | "image/jpeg" | "image/tiff" | "image/webp" | "text/plain" | "application/dicom";
            file_name: string | null;
            size_bytes: number;
            /** @description SHA-256 of the bytes, lower-case hex */
            sha256: string;
            /** Format: date */
            document_date: string | null;
            created_by: number;
            /**
             * Format: date-time
             * @example 2026-01-15T10:30:00.000Z
             */
            created_at: string;
            /**
             * Format: date-time
             * @example 2026-01-15T10:30:00.000Z
             */
            updated_at: string;
            version: number;
            deleted_at: string | null;
            deleted_by: number | null;
        };
        DocumentList: {
            count: number;
            /**
             * @description Present when more matched than COUNT_EXACT_UP_TO: `count` is then the planner's estimate, not a count
             * @constant
             */
            count_is_estimate?: true;
            /** Format: uri-reference */
            next: string | null;
            /** Format: uri-reference */
            previous: string | null;
            results: components["schemas"]["Document"][];
        };
        DocumentPatch: {
            title?: string;
            /** @enum {string} */
            category?: "lab_report" | "imaging" | "referral" | "prescription" | "consent" | "clinical_note" | "other";
            document_date?: string | null;
        };
        /** @description `title` defaults to the file's name */
        DocumentUpload: {
            /**
             * Format: binary
             * @description One file: application/pdf, image/png, image/jpeg, image/tiff, image/webp, text/plain, application/dicom; its bytes must match its type
             */
            file: string;
            title?: string;
            /** @enum {string} */
            category: "lab_report" | "imaging" | "referral" | "prescription" | "consent" | "clinical_note" | "other";
            /**
             * Format: date
             * @description From 1900-01-01 up to today
             */
            document_date?: string;
        };
        DocumentVersion: {
            version: number;
            /**
             * Format: date-time
             * @example 2026-01-15T10:30:00.000Z
             */
            at: string;
            by: number | null;
            /** @enum {string} */
            action: "create" | "update" | "delete" | "restore" | "purge";
            changed_fields: string[];
            /** @description Null in a purge's tombstone */
            snapshot: components["schemas"]["Document"] | null;
        };
        DocumentVersionList: {
            count: number;
            /**
             * @description Present when more matched than COUNT_EXACT_UP_TO: `count` is then the planner's estimate, not a count
             * @constant
             */
            count_is_estimate?: true;
            /** Format: uri-reference */
            next: string | null;
            /** Format: uri-reference */
            previous: string | null;
            results: components["schemas"]["DocumentVersion"][];
        };
        /** @description FHIR R4 Appointment */
        FhirAppointment: {
            /** @constant */
            resourceType: "Appointment";
            id: string;
            meta: {
                versionId?: string;
                lastUpdated: string;
                security?: {
                    system: string;
                    code: string;
                    display?: string;
                }[];
            };
            /** @enum {string} */
            status: "booked" | "arrived" | "fulfilled" | "cancelled" | "noshow";
            reasonCode?: {
                coding?: {
                    system: string;
                    code: string;
                    display?: string;
                }[];
                text?: string;
            }[];
            start: string;
            end: string;
            minutesDuration: number;
            created: string;
            comment?: string;
            participant: {
                actor: {
                    reference?: string;
                    display?: string;
                };
                /** @constant */
                required: "required";
                /** @constant */
                status: "accepted";
            }[];
        };
        /** @description FHIR R4 Binary */
        FhirBinary: {
            /** @constant */
            resourceType: "Binary";
            id: string;
            meta: {
                versionId?: string;
                lastUpdated: string;
                security?: {
                    system: string;
                    code: string;
                    display?: string;
                }[];
            };
            contentType: string;
            securityContext: {
                reference?: string;
                display?: string;
            };
            data: string;
        };
        /** @description FHIR R4 Bundle of type searchset */
        FhirBundle: {
            /** @constant */
            resourceType: "Bundle";
            /** @constant */
            type: "searchset";
            total?: number;
            link: {
                /** @enum {string} */
                relation: "self" | "next" | "previous";
                /** Format: uri */
                url: string;
            }[];
            entry?: {
                /** Format: uri */
                fullUrl?: string;
                resource: {
                    resourceType: string;
                } & {
                    [key: string]: unknown;
                };
                search: {
                    /** @enum {string} */
                    mode: "match" | "outcome";
                };
            }[];
        };
        /** @description FHIR R4 CareTeam */
        FhirCareTeam: {
            /** @constant */
            resourceType: "CareTeam";
            id: string;
            meta: {
                versionId?: string;
                lastUpdated: string;
                security?: {
                    system: string;
                    code: string;
                    display?: string;
                }[];
            };
            /** @constant */
            status: "active";
            subject: {
                reference?: string;
                display?: string;
            };
            participant: {
                role: {
                    coding?: {
                        system: string;
                        code: string;
                        display?: string;
                    }[];
                    text?: string;
                }[];
                member: {
                    reference?: string;
                    display?: string;
                };
                period: {
                    start: string;
                };
            }[];
        };
        /** @description FHIR R4 DocumentReference */
        FhirDocumentReference: {
            /** @constant */
            resourceType: "DocumentReference";
            id: string;
            meta: {
                versionId?: string;
                lastUpdated: string;
                security?: {
                    system: string;
                    code: string;
                    display?: string;
                }[];
            };
            /** @constant */
            status: "current";
            category: {
                coding?: {
                    system: string;
                    code: string;
                    display?: string;
                }[];
                text?: string;
            }[];
            subject: {
                reference?: string;
                display?: string;
            };
            date: string;
            author?: {
                reference?: string;
                display?: string;
            }[];
            description: string;
            content: {
                attachment: {
                    contentType: string;
                    url: string;
                    size: number;
                    title: string;
                    creation?: string;
                };
            }[];
        };
        /** @description FHIR R4 Bundle of type history */
        FhirHistoryBundle: {
            /** @constant */
            resourceType: "Bundle";
            /** @constant */
            type: "history";
            total: number;
            link: {
                /** @enum {string} */
                relation: "self" | "next" | "previous";
                /** Format: uri */
                url: string;
            }[];
            entry?: {
                /** Format: uri */
                fullUrl: string;
                resource?: {
                    resourceType: string;
                } & {
                    [key: string]: unknown;
                };
                request: {
                    /** @enum {string} */
                    method: "POST" | "PUT" | "DELETE";
                    url: string;
                };
                response: {
                    status: string;
                    lastModified: string;
                };
            }[];
        };
        /** @description FHIR R4 Organization */
        FhirOrganization: {
            /** @constant */
            resourceType: "Organization";
            id: string;
            meta: {
                versionId?: string;
                lastUpdated: string;
                security?: {
                    system: string;
                    code: string;
                    display?: string;
                }[];
            };
            active: boolean;
            name: string;
        };
        /** @description FHIR R4 Patient */
        FhirPatient: {
            /** @constant */
            resourceType: "Patient";
            id: string;
            meta: {
                versionId?: string;
                lastUpdated: string;
                security?: {
                    system: string;
                    code: string;
                    display?: string;
                }[];
            };
            name: {
                text: string;
                family?: string;
                given?: string[];
                prefix?: string[];
            }[];
            /** @enum {string} */
            gender: "male" | "female" | "other" | "unknown";
            /** Format: date */
            birthDate?: string;
            telecom?: {
                /** @enum {string} */
                system: "phone" | "email" | "other";
                value: string;
            }[];
            address?: {
                line?: string[];
                city?: string;
                state?: string;
                country?: string;
            }[];
            contact?: {
                relationship: {
                    coding?: {
                        system: string;
                        code: string;
                        display?: string;
                    }[];
                    text?: string;
                }[];
                name?: {
                    text: string;
                };
                telecom?: {
                    /** @enum {string} */
                    system: "phone" | "email" | "other";
                    value: string;
                }[];
            }[];
            generalPractitioner?: {
                reference?: string;
                display?: string;
            }[];
            managingOrganization?: {
                reference?: string;
                display?: string;
            };
        };
        /** @description FHIR R4 Practitioner */
        FhirPractitioner: {
            /** @constant */
            resourceType: "Practitioner";
            id: string;
            meta: {
                versionId?: string;
                lastUpdated: string;
                security?: {
                    system: string;
                    code: string;
                    display?: string;
                }[];
            };
            identifier?: {
                type: {
                    coding?: {
                        system: string;
                        code: string;
                        display?: string;
                    }[];
                    text?: string;
                };
                value: string;
            }[];
            name: {
                text: string;
                family?: string;
                given?: string[];
                prefix?: string[];
            }[];
            telecom?: {
                /** @enum {string} */
                system: "phone" | "email" | "other";
                value: string;
            }[];
            address?: {
                line?: string[];
                city?: string;
                state?: string;
                country?: string;
            }[];
            qualification?: {
                code: {
                    coding?: {
                        system: string;
                        code: string;
                        display?: string;
                    }[];
                    text?: string;
                };
            }[];
        };
        /** @description FHIR R4 PractitionerRole */
        FhirPractitionerRole: {
            /** @constant */
            resourceType: "PractitionerRole";
            id: string;
            meta: {
                versionId?: string;
                lastUpdated: string;
                security?: {
                    system: string;
                    code: string;
                    display?: string;
                }[];
            };
            active: boolean;
            practitioner: {
                reference?: string;
                display?: string;
            };
            organization?: {
                reference?: string;
                display?: string;
            };
            specialty: {
                coding?: {
                    system: string;
                    code: string;
                    display?: string;
                }[];
                text?: string;
            }[];
        };
        /** @description FHIR R4 Schedule */
        FhirSchedule: {
            /** @constant */
            resourceType: "Schedule";
            id: string;
            meta: {
                versionId?: string;
                lastUpdated: string;
                security?: {
                    system: string;
                    code: string;
                    display?: string;
                }[];
            };
            active: boolean;
            actor: {
                reference?: string;
                display?: string;
            }[];
            comment?: string;
        };
        ManagedUser: {
            id: number;
            name: string;
            email: string;
            /** @enum {string} */
            role: "user" | "admin";
            is_active: boolean;
            /**
             * Format: date-time
             * @example 2026-01-15T10:30:00.000Z
             */
            created_at: string;
            last_login_at: string | null;
        };
        ManagedUserList: {
            count: number;
            /**
             * @description Present when more matched than COUNT_EXACT_UP_TO: `count` is then the planner's estimate, not a count
             * @constant
             */
            count_is_estimate?: true;
            /** Format: uri-reference */
            next: string | null;
            /** Format: uri-reference */
            previous: string | null;
            results: components["schemas"]["ManagedUser"][];
        };
        Mapping: {
            id: number;
            patient: number;
            doctor: number;
            is_primary: boolean;
            notes: string | null;
            /**
             * Format: date-time
             * @example 2026-01-15T10:30:00.000Z
             */
            assigned_at: string;
            assigned_by: number;
            patient_name: string;
            doctor_detail: components["schemas"]["Doctor"];
            version: number;
            /**
             * Format: date-time
             * @example 2026-01-15T10:30:00.000Z
             */
            updated_at: string;
            deleted_at: string | null;
            deleted_by: number | null;
        };
        /** @description Replace the example's ids with yours: `patient` is the id of one of your patients (`POST /api/patients/` answers it), `doctor` the id of a doctor (`GET /api/doctors/` lists them). Another user's patient answers 404. */
        MappingInput: {
            patient?: number;
            patient_id?: number;
            doctor?: number;
            doctor_id?: number;
            is_primary?: boolean;
            notes?: string | null;
        };
        MappingList: {
            count: number;
            /**
             * @description Present when more matched than COUNT_EXACT_UP_TO: `count` is then the planner's estimate, not a count
             * @constant
             */
            count_is_estimate?: true;
            /** Format: uri-reference */
            next: string | null;
            /** Format: uri-reference */
            previous: string | null;
            results: components["schemas"]["Mapping"][];
        };
        MappingPatch: {
            is_primary?: boolean;
            notes?: string | null;
        };
        MemberInput: {
            /** Format: email */
            email: string;
            /** @enum {string} */
            role: "owner" | "clinician" | "front_desk" | "viewer";
        };
        MemberPatch: {
            /** @enum {string} */
            role: "owner" | "clinician" | "front_desk" | "viewer";
        };
        /** @description FHIR R4 OperationOutcome */
        OperationOutcome: {
            /** @constant */
            resourceType: "OperationOutcome";
            issue: {
                /** @enum {string} */
                severity: "fatal" | "error" | "warning" | "information";
                code: string;
                diagnostics?: string;
                expression?: string[];
            }[];
        };
        PasswordChange: {
            current_password: string;
            new_password: string;
        };
        Patient: {
            id: number;
            name: string;
            date_of_birth: string | null;
            age: number | null;
            /** @enum {string} */
            gender: "male" | "female" | "other" | "unknown";
            email: string | null;
            phone: string | null;
            emergency_contact_name: string | null;
            emergency_contact_phone: string | null;
            blood_group: ("A+" | "A-" | "B+" | "B-" | "AB+" | "AB-" | "O+" | "O-") | null;
            address: string | null;
            city: string | null;
            state: string | null;
            country: string | null;
            allergies: string | null;
            medical_history: string | null;
            current_medications: string | null;
            clinic: number | null;
            /** @description The clinical fields answered as null because the caller's role (front_desk) may not read them */
            redacted_fields?: ("allergies" | "medical_history" | "current_medications" | "blood_group")[];
            created_by: number;
            /**
             * Format: date-time
             * @example 2026-01-15T10:30:00.000Z
             */
            created_at: string;
            /**
             * Format: date-time
             * @example 2026-01-15T10:30:00.000Z
             */
            updated_at: string;
            version: number;
            deleted_at: string | null;
            deleted_by: number | null;
        };
        PatientInput: {
            name: string;
            date_of_birth?: null | string;
            age?: number | null;
            /**
             * @description Also accepted: M, F, O, U, N, in any letter case
             * @enum {string}
             */
            gender?: "male" | "female" | "other" | "unknown";
            email?: (string | "") | null;
            /**
             * @description 7 to 15 digits, optionally with spaces, +, -, ( and ); blank or null clears it
             * @example +1 555-0100
             */
            phone?: string | null;
            emergency_contact_name?: string | null;
            /**
             * @description 7 to 15 digits, optionally with spaces, +, -, ( and ); blank or null clears it
             * @example +1 555-0100
             */
            emergency_contact_phone?: string | null;
            blood_group?: ("A+" | "A-" | "B+" | "B-" | "AB+" | "AB-" | "O+" | "O-") | null;
            address?: string | null;
            city?: string | null;
            state?: string | null;
            country?: string | null;
            allergies?: string | null;
            medical_history?: string | null;
            current_medications?: string | null;
            clinic?: number | null;
        };
        PatientList: {
            count: number;
            /**
             * @description Present when more matched than COUNT_EXACT_UP_TO: `count` is then the planner's estimate, not a count
             * @constant
             */
            count_is_estimate?: true;
            /** Format: uri-reference */
            next: string | null;
            /** Format: uri-reference */
            previous: string | null;
            results: components["schemas"]["Patient"][];
        };
        PatientPatch: {
            name?: string;
            date_of_birth?: null | string;
            age?: number | null;
            /**
             * @description Also accepted: M, F, O, U, N, in any letter case
             * @enum {string}
             */
            gender?: "male" | "female" | "other" | "unknown";
            email?: (string | "") | null;
            /**
             * @description 7 to 15 digits, optionally with spaces, +, -, ( and ); blank or null clears it
             * @example +1 555-0100
             */
            phone?: string | null;
            emergency_contact_name?: string | null;
            /**
             * @description 7 to 15 digits, optionally with spaces, +, -, ( and ); blank or null clears it
             * @example +1 555-0100
             */
            emergency_contact_phone?: string | null;
            blood_group?: ("A+" | "A-" | "B+" | "B-" | "AB+" | "AB-" | "O+" | "O-") | null;
            address?: string | null;
            city?: string | null;
            state?: string | null;
            country?: string | null;
            allergies?: string | null;
            medical_history?: string | null;
            current_medications?: string | null;
            clinic?: number | null;
        };
        PatientVersion: {
            version: number;
            /**
             * Format: date-time
             * @example 2026-01-15T10:30:00.000Z
             */
            at: string;
            by: number | null;
            /** @enum {string} */
            action: "create" | "update" | "delete" | "restore" | "purge";
            changed_fields: string[];
            /** @description Null in a purge's tombstone */
            snapshot: components["schemas"]["Patient"] | null;
        };
        PatientVersionList: {
            count: number;
            /**
             * @description Present when more matched than COUNT_EXACT_UP_TO: `count` is then the planner's estimate, not a count
             * @constant
             */
            count_is_estimate?: true;
            /** Format: uri-reference */
            next: string | null;
            /** Format: uri-reference */
            previous: string | null;
            results: components["schemas"]["PatientVersion"][];
        };
        /** @description RFC 9457 problem details */
        Problem: {
            type: string;
            title: string;
            status: number;
            detail: string;
            request_id: string | null;
            errors?: {
                field: string;
                message: string;
            }[];
        };
        ProfileChange: {
            name?: string;
            /** Format: email */
            email?: string;
            current_password?: string;
        };
        RefreshToken: {
            refresh: string;
        };
        Registration: {
            name: string;
            /** Format: email */
            email: string;
            password: string;
            password_confirm?: string;
            confirm_password?: string;
        };
        Schedule: {
            doctor: number;
            timezone: string;
            hours: {
                weekday: number;
                start: string;
                end: string;
            }[];
            exceptions: {
                date: string;
                /** @constant */
                available: false;
            }[];
            /**
             * Format: date-time
             * @example 2026-01-15T10:30:00.000Z
             */
            updated_at: string;
            updated_by: number;
            version: number;
        };
        ScheduleInput: {
            timezone: string;
            hours: {
                /** @description ISO weekday: 1 is Monday, 7 Sunday */
                weekday: number | string;
                /** @example 09:00 */
                start: string;
                /** @example 17:00 */
                end: string;
            }[];
            exceptions?: {
                /** Format: date */
                date: string;
                /** @constant */
                available?: false;
            }[];
        };
        Session: {
            /** Format: uuid */
            id: string;
            /**
             * Format: date-time
             * @example 2026-01-15T10:30:00.000Z
             */
            created_at: string;
            /**
             * Format: date-time
             * @description The last sign-in or token refresh
             * @example 2026-01-15T10:30:00.000Z
             */
            last_used_at: string;
            /** @description Where it was last used from */
            client_ip: string | null;
            /** @description Whether this request came with it */
            current: boolean;
        };
        SessionList: {
            count: number;
            /**
             * @description Present when more matched than COUNT_EXACT_UP_TO: `count` is then the planner's estimate, not a count
             * @constant
             */
            count_is_estimate?: true;
            /** Format: uri-reference */
            next: string | null;
            /** Format: uri-reference */
            previous: string | null;
            results: components["schemas"]["Session"][];
        };
        SignOut: {
            refresh?: string;
            all?: boolean;
        };
        TokenPair: {
            access: string;
            refresh: string;
        };
        User: {
            id: number;
            name: string;
            email: string;
            /** @enum {string} */
            role: "user" | "admin";
            /**
             * Format: date-time
             * @example 2026-01-15T10:30:00.000Z
             */
            created_at: string;
        };
        UserChange: {
            name?: string;
            /** @enum {string} */
            role?: "user" | "admin";
            is_active?: boolean;
        };
        Webhook: {
            id: number;
            url: string;
            events: string[];
            clinic: number | null;
            description: string | null;
            active: boolean;
            disabled_reason: string | null;
            /** @description The signing secret (`whsec_…`), shown once: at creation and rotation */
            secret?: string;
            /**
             * Format: date-time
             * @example 2026-01-15T10:30:00.000Z
             */
            created_at: string;
            /**
             * Format: date-time
             * @example 2026-01-15T10:30:00.000Z
             */
            updated_at: string;
            version: number;
        };
        WebhookDelivery: {
            id: number;
            event_id: string;
            type: string;
            /** @enum {string} */
            status: "pending" | "delivered" | "failed";
            attempts: number;
            last_status: number | null;
            last_error: string | null;
            /**
             * Format: date-time
             * @example 2026-01-15T10:30:00.000Z
             */
            next_attempt_at: string;
            /**
             * Format: date-time
             * @example 2026-01-15T10:30:00.000Z
             */
            created_at: string;
            delivered_at: string | null;
        };
        WebhookDeliveryList: {
            count: number;
            /**
             * @description Present when more matched than COUNT_EXACT_UP_TO: `count` is then the planner's estimate, not a count
             * @constant
             */
            count_is_estimate?: true;
            /** Format: uri-reference */
            next: string | null;
            /** Format: uri-reference */
            previous: string | null;
            results: components["schemas"]["WebhookDelivery"][];
        };
        WebhookInput: {
            /** Format: uri */
            url: string;
            events: string[];
            clinic?: number | null;
            description?: string | null;
        };
        WebhookList: {
            count: number;
            /**
             * @description Present when more matched than COUNT_EXACT_UP_TO: `count` is then the planner's estimate, not a count
             * @constant
             */
            count_is_estimate?: true;
            /** Format: uri-reference */
            next: string | null;
            /** Format: uri-reference */
            previous: string | null;
            results: components["schemas"]["Webhook"][];
        };
        WebhookPatch: {
            /** Format: uri */
            url?: string;
            events?: string[];
            description?: string | null;
            active?: boolean;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getServiceRoot: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiRoot"];
                };
            };
        };
    };
    liveness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    readiness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unavailable for now (database, or sign-ins queued); see `Retry-After` */
            503: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getMetrics: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Prometheus text exposition format */
            200: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/plain; version=0.0.4": string;
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The Bearer challenge */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    register: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "Ann Example",
                 *       "email": "ann@example.com",
                 *       "password": "plum-lantern-orbit-42",
                 *       "password_confirm": "plum-lantern-orbit-42"
                 *     }
                 */
                "application/json": components["schemas"]["Registration"];
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Where the new resource is */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthResult"];
                };
            };
            /** @description Invalid input; `errors` lists every invalid field */
            400: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict; `errors` names the field */
            409: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body over 1 MiB (a document: over DOCUMENT_MAX_BYTES) */
            413: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body is not application/json (a document: not multipart/form-data, or a file type not accepted or not matching its content) */
            415: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unavailable for now (database, or sign-ins queued); see `Retry-After` */
            503: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "email": "ann@example.com",
                 *       "password": "plum-lantern-orbit-42"
                 *     }
                 */
                "application/json": components["schemas"]["Credentials"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthResult"];
                };
            };
            /** @description Invalid input; `errors` lists every invalid field */
            400: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The Bearer challenge */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body over 1 MiB (a document: over DOCUMENT_MAX_BYTES) */
            413: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body is not application/json (a document: not multipart/form-data, or a file type not accepted or not matching its content) */
            415: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many failed sign-ins; see `Retry-After` */
            429: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds until a new attempt may count */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unavailable for now (database, or sign-ins queued); see `Retry-After` */
            503: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    refreshTokens: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RefreshToken"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenPair"];
                };
            };
            /** @description Invalid input; `errors` lists every invalid field */
            400: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The Bearer challenge */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body over 1 MiB (a document: over DOCUMENT_MAX_BYTES) */
            413: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body is not application/json (a document: not multipart/form-data, or a file type not accepted or not matching its content) */
            415: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unavailable for now (database, or sign-ins queued); see `Retry-After` */
            503: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    refreshTokensAlias: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RefreshToken"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenPair"];
                };
            };
            /** @description Invalid input; `errors` lists every invalid field */
            400: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The Bearer challenge */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body over 1 MiB (a document: over DOCUMENT_MAX_BYTES) */
            413: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body is not application/json (a document: not multipart/form-data, or a file type not accepted or not matching its content) */
            415: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unavailable for now (database, or sign-ins queued); see `Retry-After` */
            503: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["SignOut"];
            };
        };
        responses: {
            /** @description Success */
            204: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input; `errors` lists every invalid field */
            400: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The Bearer challenge */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body over 1 MiB (a document: over DOCUMENT_MAX_BYTES) */
            413: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body is not application/json (a document: not multipart/form-data, or a file type not accepted or not matching its content) */
            415: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unavailable for now (database, or sign-ins queued); see `Retry-After` */
            503: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listSessions: {
        parameters: {
            query?: {
                /** @description Page size for page (default 20; more than 100 is read as 100) */
                limit?: number;
                offset?: number;
                /** @description Page number, as Django REST Framework's page pagination (with page_size; not with limit or offset) */
                page?: number;
                /** @description Page size for page (default 20; more than 100 is read as 100) */
                page_size?: number;
                /** @description A field to sort by; a leading `-` sorts descending */
                ordering?: "last_used_at" | "-last_used_at";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionList"];
                };
            };
            /** @description Invalid input; `errors` lists every invalid field */
            400: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The Bearer challenge */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unavailable for now (database, or sign-ins queued); see `Retry-After` */
            503: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    endSession: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            204: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The Bearer challenge */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unavailable for now (database, or sign-ins queued); see `Retry-After` */
            503: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    changePassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PasswordChange"];
            };
        };
        responses: {
            /** @description Success */
            204: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input; `errors` lists every invalid field */
            400: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The Bearer challenge */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body over 1 MiB (a document: over DOCUMENT_MAX_BYTES) */
            413: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body is not application/json (a document: not multipart/form-data, or a file type not accepted or not matching its content) */
            415: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many failed sign-ins; see `Retry-After` */
            429: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds until a new attempt may count */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unavailable for now (database, or sign-ins queued); see `Retry-After` */
            503: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The Bearer challenge */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unavailable for now (database, or sign-ins queued); see `Retry-After` */
            503: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                /**
                 * @example {
                 *       "name": "Ann Example-Smith"
                 *     }
                 */
                "application/json": components["schemas"]["ProfileChange"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            /** @description Invalid input; `errors` lists every invalid field */
            400: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The Bearer challenge */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict; `errors` names the field */
            409: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body over 1 MiB (a document: over DOCUMENT_MAX_BYTES) */
            413: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body is not application/json (a document: not multipart/form-data, or a file type not accepted or not matching its content) */
            415: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many failed sign-ins; see `Retry-After` */
            429: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds until a new attempt may count */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unavailable for now (database, or sign-ins queued); see `Retry-After` */
            503: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listPatients: {
        parameters: {
            query?: {
                /** @description Page size for page (default 20; more than 100 is read as 100) */
                limit?: number;
                offset?: number;
                /** @description Page number, as Django REST Framework's page pagination (with page_size; not with limit or offset) */
                page?: number;
                /** @description Page size for page (default 20; more than 100 is read as 100) */
                page_size?: number;
                /** @description A field to sort by; a leading `-` sorts descending */
                ordering?: "id" | "-id" | "name" | "-name" | "date_of_birth" | "-date_of_birth" | "created_at" | "-created_at" | "updated_at" | "-updated_at";
                /** @description Keyset paging, instead of `offset` and as fast at any depth: empty for the first page, then the position a `next` or `previous` link carries */
                cursor?: string;
                search?: string;
                /** @description Also accepted: M, F, O, U, N, in any letter case */
                gender?: "male" | "female" | "other" | "unknown";
                blood_group?: "A+" | "A-" | "B+" | "B-" | "AB+" | "AB-" | "O+" | "O-";
                clinic_id?: number;
                include_deleted?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PatientList"];
                };
            };
            /** @description Invalid input; `errors` lists every invalid field */
            400: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The Bearer challenge */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many failed sign-ins; see `Retry-After` */
            429: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds until a new attempt may count */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unavailable for now (database, or sign-ins queued); see `Retry-After` */
            503: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createPatient: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "Ada Lovelace",
                 *       "date_of_birth": "1990-04-12",
                 *       "gender": "female",
                 *       "email": "ada@example.com",
                 *       "phone": "+44 20 7946 0000",
                 *       "blood_group": "O+",
                 *       "city": "London",
                 *       "allergies": "Penicillin"
                 *     }
                 */
                "application/json": components["schemas"]["PatientInput"];
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Where the new resource is */
                    Location?: string;
                    /** @description The version */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Patient"];
                };
            };
            /** @description Invalid input; `errors` lists every invalid field */
            400: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The Bearer challenge */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Visible but not yours to change */
            403: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body over 1 MiB (a document: over DOCUMENT_MAX_BYTES) */
            413: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body is not application/json (a document: not multipart/form-data, or a file type not accepted or not matching its content) */
            415: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unavailable for now (database, or sign-ins queued); see `Retry-After` */
            503: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPatient: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag you hold; 304 with no body when it is still current */
                "If-None-Match"?: string;
            };
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The version */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Patient"];
                };
            };
            /** @description Not modified: the ETag sent is still current */
            304: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The version */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The Bearer challenge */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unavailable for now (database, or sign-ins queued); see `Retry-After` */
            503: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    replacePatient: {
        parameters: {
            query?: never;
            header?: {
                /** @description The version last read, as its ETag (`"3"`); a stale one gives 412 */
                "If-Match"?: string;
            };
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "Ada Lovelace",
                 *       "date_of_birth": "1990-04-12",
                 *       "gender": "female",
                 *       "email": "ada@example.com",
                 *       "phone": "+44 20 7946 0000",
                 *       "blood_group": "O+",
                 *       "city": "London",
                 *       "allergies": "Penicillin"
                 *     }
                 */
                "application/json": components["schemas"]["PatientInput"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The version */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Patient"];
                };
            };
            /** @description Invalid input; `errors` lists every invalid field */
            400: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The Bearer challenge */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Visible but not yours to change */
            403: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict; `errors` names the field */
            409: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Deleted (restore it, or list it with `include_deleted=true`) */
            410: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `If-Match` does not name the current version */
            412: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body over 1 MiB (a document: over DOCUMENT_MAX_BYTES) */
            413: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body is not application/json (a document: not multipart/form-data, or a file type not accepted or not matching its content) */
            415: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unavailable for now (database, or sign-ins queued); see `Retry-After` */
            503: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deletePatient: {
        parameters: {
            query?: {
                purge?: boolean;
            };
            header?: {
                /** @description The version last read, as its ETag (`"3"`); a stale one gives 412 */
                "If-Match"?: string;
            };
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            204: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input; `errors` lists every invalid field */
            400: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The Bearer challenge */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Visible but not yours to change */
            403: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Deleted (restore it, or list it with `include_deleted=true`) */
            410: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `If-Match` does not name the current version */
            412: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unavailable for now (database, or sign-ins queued); see `Retry-After` */
            503: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updatePatient: {
        parameters: {
            query?: never;
            header?: {
                /** @description The version last read, as its ETag (`"3"`); a stale one gives 412 */
                "If-Match"?: string;
            };
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "phone": "+44 20 7946 0001",
                 *       "current_medications": "Ibuprofen 200 mg"
                 *     }
                 */
                "application/json": components["schemas"]["PatientPatch"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The version */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Patient"];
                };
            };
            /** @description Invalid input; `errors` lists every invalid field */
            400: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The Bearer challenge */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Visible but not yours to change */
            403: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict; `errors` names the field */
            409: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Deleted (restore it, or list it with `include_deleted=true`) */
            410: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `If-Match` does not name the current version */
            412: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body over 1 MiB (a document: over DOCUMENT_MAX_BYTES) */
            413: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body is not application/json (a document: not multipart/form-data, or a file type not accepted or not matching its content) */
            415: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unavailable for now (database, or sign-ins queued); see `Retry-After` */
            503: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    restorePatient: {
        parameters: {
            query?: never;
            header?: {
                /** @description The version last read, as its ETag (`"3"`); a stale one gives 412 */
                "If-Match"?: string;
            };
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The version */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Patient"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The Bearer challenge */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Visible but not yours to change */
            403: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict; `errors` names the field */
            409: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `If-Match` does not name the current version */
            412: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unavailable for now (database, or sign-ins queued); see `Retry-After` */
            503: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listPatientVersions: {
        parameters: {
            query?: {
                /** @description Page size for page (default 20; more than 100 is read as 100) */
                limit?: number;
                offset?: number;
                /** @description Page number, as Django REST Framework's page pagination (with page_size; not with limit or offset) */
                page?: number;
                /** @description Page size for page (default 20; more than 100 is read as 100) */
                page_size?: number;
            };
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PatientVersionList"];
                };
            };
            /** @description Invalid input; `errors` lists every invalid field */
            400: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The Bearer challenge */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unavailable for now (database, or sign-ins queued); see `Retry-After` */
            503: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPatientVersion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
                version: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PatientVersion"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The Bearer challenge */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unavailable for now (database, or sign-ins queued); see `Retry-After` */
            503: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listPatientDoctors: {
        parameters: {
            query?: {
                /** @description Page size for page (default 20; more than 100 is read as 100) */
                limit?: number;
                offset?: number;
                /** @description Page number, as Django REST Framework's page pagination (with page_size; not with limit or offset) */
                page?: number;
                /** @description Page size for page (default 20; more than 100 is read as 100) */
                page_size?: number;
                /** @description A field to sort by; a leading `-` sorts descending */
                ordering?: "id" | "-id" | "assigned_at" | "-assigned_at";
            };
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MappingList"];
                };
            };
            /** @description Invalid input; `errors` lists every invalid field */
            400: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The Bearer challenge */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unavailable for now (database, or sign-ins queued); see `Retry-After` */
            503: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listPatientAppointments: {
        parameters: {
            query?: {
                /** @description Page size for page (default 20; more than 100 is read as 100) */
                limit?: number;
                offset?: number;
                /** @description Page number, as Django REST Framework's page pagination (with page_size; not with limit or offset) */
                page?: number;
                /** @description Page size for page (default 20; more than 100 is read as 100) */
                page_size?: number;
                /** @description A field to sort by; a leading `-` sorts descending */
                ordering?: "start" | "-start" | "created_at" | "-created_at";
                status?: "booked" | "arrived" | "fulfilled" | "cancelled" | "noshow";
                /** @description An ISO 8601 timestamp or date (a date means its start, UTC) */
                from?: string;
                /** @description An ISO 8601 timestamp or date (a date means its start, UTC) */
                to?: string;
            };
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AppointmentList"];
                };
            };
            /** @description Invalid input; `errors` lists every invalid field */
            400: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The Bearer challenge */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Deleted (restore it, or list it with `include_deleted=true`) */
            410: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unavailable for now (database, or sign-ins queued); see `Retry-After` */
            503: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listPatientDocuments: {
        parameters: {
            query?: {
                /** @description Page size for page (default 20; more than 100 is read as 100) */
                limit?: number;
                offset?: number;
                /** @description Page number, as Django REST Framework's page pagination (with page_size; not with limit or offset) */
                page?: number;
                /** @description Page size for page (default 20; more than 100 is read as 100) */
                page_size?: number;
                /** @description A field to sort by; a leading `-` sorts descending */
                ordering?: "created_at" | "-created_at" | "document_date" | "-document_date";
                category?: "lab_report" | "imaging" | "referral" | "prescription" | "consent" | "clinical_note" | "other";
                /** @description An ISO 8601 timestamp or date (a date means its start, UTC) */
                since?: string;
                include_deleted?: boolean;
            };
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DocumentList"];
                };
            };
            /** @description Invalid input; `errors` lists every invalid field */
            400: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The Bearer challenge */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Visible but not yours to change */
            403: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Deleted (restore it, or list it with `include_deleted=true`) */
            410: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unavailable for now (database, or sign-ins queued); see `Retry-After` */
            503: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    uploadDocument: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": components["schemas"]["DocumentUpload"];
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Where the new resource is */
                    Location?: string;
                    /** @description The version */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Document"];
                };
            };
            /** @description Invalid input; `errors` lists every invalid field */
            400: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The Bearer challenge */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Visible but not yours to change */
            403: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body stopped arriving (an upload sent nothing for BODY_TIMEOUT_SECONDS) */
            408: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Deleted (restore it, or list it with `include_deleted=true`) */
            410: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body over 1 MiB (a document: over DOCUMENT_MAX_BYTES) */
            413: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body is not application/json (a document: not multipart/form-data, or a file type not accepted or not matching its content) */
            415: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unavailable for now (database, or sign-ins queued); see `Retry-After` */
            503: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPatientAccessLog: {
        parameters: {
            query?: {
                /** @description Page size for page (default 20; more than 100 is read as 100) */
                limit?: number;
                offset?: number;
                /** @description Page number, as Django REST Framework's page pagination (with page_size; not with limit or offset) */
                page?: number;
                /** @description Page size for page (default 20; more than 100 is read as 100) */
                page_size?: number;
                /** @description Keyset paging, instead of `offset` and as fast at any depth: empty for the first page, then the position a `next` or `previous` link carries */
                cursor?: string;
                action?: "read" | "list" | "create" | "update" | "delete" | "restore" | "purge" | "member_add" | "member_change" | "member_remove";
                /** @description An ISO 8601 timestamp or date (a date means its start, UTC) */
                since?: string;
                /** @description An ISO 8601 timestamp or date (a date means its start, UTC) */
                until?: string;
            };
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditEventList"];
                };
            };
            /** @description Invalid input; `errors` lists every invalid field */
            400: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The Bearer challenge */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many failed sign-ins; see `Retry-After` */
            429: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds until a new attempt may count */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unavailable for now (database, or sign-ins queued); see `Retry-After` */
            503: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listDoctors: {
        parameters: {
            query?: {
                /** @description Page size for page (default 20; more than 100 is read as 100) */
                limit?: number;
                offset?: number;
                /** @description Page number, as Django REST Framework's page pagination (with page_size; not with limit or offset) */
                page?: number;
                /** @description Page size for page (default 20; more than 100 is read as 100) */
                page_size?: number;
                /** @description A field to sort by; a leading `-` sorts descending */
                ordering?: "id" | "-id" | "name" | "-name" | "years_of_experience" | "-years_of_experience" | "created_at" | "-created_at";
                /** @description Keyset paging, instead of `offset` and as fast at any depth: empty for the first page, then the position a `next` or `previous` link carries */
                cursor?: string;
                search?: string;
                /** @description Also accepted in any case, with spaces or hyphens (`Internal Medicine`), and common other names: `Cardiologist`, `Orthopaedics`, `OB/GYN`, `Obstetrics and Gynecology`; ENT, anaesthesia and emergency medicine are `other` */
                specialization?: "general" | "cardiology" | "dermatology" | "endocrinology" | "gastroenterology" | "hematology" | "infectious_disease" | "internal_medicine" | "nephrology" | "neurology" | "obstetrics_gynecology" | "oncology" | "ophthalmology" | "orthopedics" | "pediatrics" | "psychiatry" | "pulmonology" | "radiology" | "rheumatology" | "surgery" | "urology" | "other";
                is_available?: boolean;
                city?: string;
                include_deleted?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DoctorList"];
                };
            };
            /** @description Invalid input; `errors` lists every invalid field */
            400: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The Bearer challenge */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many failed sign-ins; see `Retry-After` */
            429: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds until a new attempt may count */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unavailable for now (database, or sign-ins queued); see `Retry-After` */
            503: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createDoctor: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "Dr Grace Hopper",
                 *       "specialization": "cardiology",
                 *       "phone": "+1 555-0100",
                 *       "years_of_experience": 12,
                 *       "hospital_name": "City General",
                 *       "city": "Arlington",
                 *       "consultation_fee": 150,
                 *       "is_available": true
                 *     }
                 */
                "application/json": components["schemas"]["DoctorInput"];
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Where the new resource is */
                    Location?: string;
                    /** @description The version */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Doctor"];
                };
            };
            /** @description Invalid input; `errors` lists every invalid field */
            400: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The Bearer challenge */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict; `errors` names the field */
            409: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body over 1 MiB (a document: over DOCUMENT_MAX_BYTES) */
            413: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body is not application/json (a document: not multipart/form-data, or a file type not accepted or not matching its content) */
            415: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unavailable for now (database, or sign-ins queued); see `Retry-After` */
            503: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getDoctor: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag you hold; 304 with no body when it is still current */
                "If-None-Match"?: string;
            };
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The version */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Doctor"];
                };
            };
            /** @description Not modified: the ETag sent is still current */
            304: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The version */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The Bearer challenge */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unavailable for now (database, or sign-ins queued); see `Retry-After` */
            503: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    replaceDoctor: {
        parameters: {
            query?: never;
            header?: {
                /** @description The version last read, as its ETag (`"3"`); a stale one gives 412 */
                "If-Match"?: string;
            };
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "Dr Grace Hopper",
                 *       "specialization": "cardiology",
                 *       "phone": "+1 555-0100",
                 *       "years_of_experience": 12,
                 *       "hospital_name": "City General",
                 *       "city": "Arlington",
                 *       "consultation_fee": 150,
                 *       "is_available": true
                 *     }
                 */
                "application/json": components["schemas"]["DoctorInput"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The version */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Doctor"];
                };
            };
            /** @description Invalid input; `errors` lists every invalid field */
            400: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The Bearer challenge */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Visible but not yours to change */
            403: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict; `errors` names the field */
            409: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Deleted (restore it, or list it with `include_deleted=true`) */
            410: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `If-Match` does not name the current version */
            412: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body over 1 MiB (a document: over DOCUMENT_MAX_BYTES) */
            413: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body is not application/json (a document: not multipart/form-data, or a file type not accepted or not matching its content) */
            415: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unavailable for now (database, or sign-ins queued); see `Retry-After` */
            503: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteDoctor: {
        parameters: {
            query?: never;
            header?: {
                /** @description The version last read, as its ETag (`"3"`); a stale one gives 412 */
                "If-Match"?: string;
            };
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            204: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The Bearer challenge */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Visible but not yours to change */
            403: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict; `errors` names the field */
            409: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Deleted (restore it, or list it with `include_deleted=true`) */
            410: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `If-Match` does not name the current version */
            412: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unavailable for now (database, or sign-ins queued); see `Retry-After` */
            503: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateDoctor: {
        parameters: {
            query?: never;
            header?: {
                /** @description The version last read, as its ETag (`"3"`); a stale one gives 412 */
                "If-Match"?: string;
            };
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "is_available": false
                 *     }
                 */
                "application/json": components["schemas"]["DoctorPatch"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The version */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Doctor"];
                };
            };
            /** @description Invalid input; `errors` lists every invalid field */
            400: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The Bearer challenge */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Visible but not yours to change */
            403: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict; `errors` names the field */
            409: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Deleted (restore it, or list it with `include_deleted=true`) */
            410: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `If-Match` does not name the current version */
            412: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body over 1 MiB (a document: over DOCUMENT_MAX_BYTES) */
            413: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body is not application/json (a document: not multipart/form-data, or a file type not accepted or not matching its content) */
            415: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unavailable for now (database, or sign-ins queued); see `Retry-After` */
            503: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    restoreDoctor: {
        parameters: {
            query?: never;
            header?: {
                /** @description The version last read, as its ETag (`"3"`); a stale one gives 412 */
                "If-Match"?: string;
            };
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The version */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Doctor"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The Bearer challenge */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Visible but not yours to change */
            403: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict; `errors` names the field */
            409: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `If-Match` does not name the current version */
            412: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unavailable for now (database, or sign-ins queued); see `Retry-After` */
            503: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listDoctorVersions: {
        parameters: {
            query?: {
                /** @description Page size for page (default 20; more than 100 is read as 100) */
                limit?: number;
                offset?: number;
                /** @description Page number, as Django REST Framework's page pagination (with page_size; not with limit or offset) */
                page?: number;
                /** @description Page size for page (default 20; more than 100 is read as 100) */
                page_size?: number;
            };
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DoctorVersionList"];
                };
            };
            /** @description Invalid input; `errors` lists every invalid field */
            400: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The Bearer challenge */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unavailable for now (database, or sign-ins queued); see `Retry-After` */
            503: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getDoctorSchedule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Schedule"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The Bearer challenge */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Deleted (restore it, or list it with `include_deleted=true`) */
            410: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unavailable for now (database, or sign-ins queued); see `Retry-After` */
            503: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    replaceDoctorSchedule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "timezone": "Europe/Berlin",
                 *       "hours": [
                 *         {
                 *           "weekday": 1,
                 *           "start": "09:00",
                 *           "end": "12:00"
                 *         },
                 *         {
                 *           "weekday": 1,
                 *           "start": "13:00",
                 *           "end": "17:00"
                 *         },
                 *         {
                 *           "weekday": 3,
                 *           "start": "09:00",
                 *           "end": "17:00"
                 *         }
                 *       ],
                 *       "exceptions": [
                 *         {
                 *           "date": "2026-12-24",
                 *           "available": false
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["ScheduleInput"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Schedule"];
                };
            };
            /** @description Invalid input; `errors` lists every invalid field */
            400: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The Bearer challenge */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Visible but not yours to change */
            403: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Deleted (restore it, or list it with `include_deleted=true`) */
            410: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body over 1 MiB (a document: over DOCUMENT_MAX_BYTES) */
            413: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body is not application/json (a document: not multipart/form-data, or a file type not accepted or not matching its content) */
            415: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unavailable for now (database, or sign-ins queued); see `Retry-After` */
            503: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getDoctorAvailability: {
        parameters: {
            query?: {
                /** @description An ISO 8601 timestamp or date (a date means its start, UTC) */
                from?: string;
                /** @description An ISO 8601 timestamp or date (a date means its start, UTC) */
                to?: string;
                slot_minutes?: number;
            };
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Availability"];
                };
            };
            /** @description Invalid input; `errors` lists every invalid field */
            400: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The Bearer challenge */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Deleted (restore it, or list it with `include_deleted=true`) */
            410: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unavailable for now (database, or sign-ins queued); see `Retry-After` */
            503: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getDoctorVersion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
                version: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DoctorVersion"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The Bearer challenge */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unavailable for now (database, or sign-ins queued); see `Retry-After` */
            503: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listMappings: {
        parameters: {
            query?: {
                /** @description Page size for page (default 20; more than 100 is read as 100) */
                limit?: number;
                offset?: number;
                /** @description Page number, as Django REST Framework's page pagination (with page_size; not with limit or offset) */
                page?: number;
                /** @description Page size for page (default 20; more than 100 is read as 100) */
                page_size?: number;
                /** @description A field to sort by; a leading `-` sorts descending */
                ordering?: "id" | "-id" | "assigned_at" | "-assigned_at";
                patient_id?: number;
                doctor_id?: number;
                is_primary?: boolean;
                clinic_id?: number;
                include_deleted?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MappingList"];
                };
            };
            /** @description Invalid input; `errors` lists every invalid field */
            400: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The Bearer challenge */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many failed sign-ins; see `Retry-After` */
            429: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds until a new attempt may count */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unavailable for now (database, or sign-ins queued); see `Retry-After` */
            503: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createMapping: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "patient": 1,
                 *       "doctor": 1,
                 *       "is_primary": true,
                 *       "notes": "Referred for a review"
                 *     }
                 */
                "application/json": components["schemas"]["MappingInput"];
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Where the new resource is */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Mapping"];
                };
            };
            /** @description Invalid input; `errors` lists every invalid field */
            400: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The Bearer challenge */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Visible but not yours to change */
            403: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict; `errors` names the field */
            409: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body over 1 MiB (a document: over DOCUMENT_MAX_BYTES) */
            413: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body is not application/json (a document: not multipart/form-data, or a file type not accepted or not matching its content) */
            415: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unavailable for now (database, or sign-ins queued); see `Retry-After` */
            503: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listPatientMappings: {
        parameters: {
            query?: {
                /** @description Page size for page (default 20; more than 100 is read as 100) */
                limit?: number;
                offset?: number;
                /** @description Page number, as Django REST Framework's page pagination (with page_size; not with limit or offset) */
                page?: number;
                /** @description Page size for page (default 20; more than 100 is read as 100) */
                page_size?: number;
                /** @description A field to sort by; a leading `-` sorts descending */
                ordering?: "id" | "-id" | "assigned_at" | "-assigned_at";
            };
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MappingList"];
                };
            };
            /** @description Invalid input; `errors` lists every invalid field */
            400: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The Bearer challenge */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unavailable for now (database, or sign-ins queued); see `Retry-After` */
            503: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getMapping: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag you hold; 304 with no body when it is still current */
                "If-None-Match"?: string;
            };
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The version */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Mapping"];
                };
            };
            /** @description Not modified: the ETag sent is still current */
            304: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The version */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The Bearer challenge */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unavailable for now (database, or sign-ins queued); see `Retry-After` */
            503: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteMapping: {
        parameters: {
            query?: never;
            header?: {
                /** @description The version last read, as its ETag (`"3"`); a stale one gives 412 */
                "If-Match"?: string;
            };
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            204: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The Bearer challenge */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Visible but not yours to change */
            403: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Deleted (restore it, or list it with `include_deleted=true`) */
            410: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `If-Match` does not name the current version */
            412: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unavailable for now (database, or sign-ins queued); see `Retry-After` */
            503: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateMapping: {
        parameters: {
            query?: never;
            header?: {
                /** @description The version last read, as its ETag (`"3"`); a stale one gives 412 */
                "If-Match"?: string;
            };
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "is_primary": true
                 *     }
                 */
                "application/json": components["schemas"]["MappingPatch"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The version */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Mapping"];
                };
            };
            /** @description Invalid input; `errors` lists every invalid field */
            400: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The Bearer challenge */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Visible but not yours to change */
            403: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict; `errors` names the field */
            409: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Deleted (restore it, or list it with `include_deleted=true`) */
            410: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `If-Match` does not name the current version */
            412: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body over 1 MiB (a document: over DOCUMENT_MAX_BYTES) */
            413: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body is not application/json (a document: not multipart/form-data, or a file type not accepted or not matching its content) */
            415: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unavailable for now (database, or sign-ins queued); see `Retry-After` */
            503: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    restoreMapping: {
        parameters: {
            query?: never;
            header?: {
                /** @description The version last read, as its ETag (`"3"`); a stale one gives 412 */
                "If-Match"?: string;
            };
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The version */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Mapping"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The Bearer challenge */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Visible but not yours to change */
            403: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict; `errors` names the field */
            409: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `If-Match` does not name the current version */
            412: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unavailable for now (database, or sign-ins queued); see `Retry-After` */
            503: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listPatientMappingsAlias: {
        parameters: {
            query?: {
                /** @description Page size for page (default 20; more than 100 is read as 100) */
                limit?: number;
                offset?: number;
                /** @description Page number, as Django REST Framework's page pagination (with page_size; not with limit or offset) */
                page?: number;
                /** @description Page size for page (default 20; more than 100 is read as 100) */
                page_size?: number;
                /** @description A field to sort by; a leading `-` sorts descending */
                ordering?: "id" | "-id" | "assigned_at" | "-assigned_at";
            };
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MappingList"];
                };
            };
            /** @description Invalid input; `errors` lists every invalid field */
            400: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The Bearer challenge */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unavailable for now (database, or sign-ins queued); see `Retry-After` */
            503: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteMappingAlias: {
        parameters: {
            query?: never;
            header?: {
                /** @description The version last read, as its ETag (`"3"`); a stale one gives 412 */
                "If-Match"?: string;
            };
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            204: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The Bearer challenge */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Visible but not yours to change */
            403: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Deleted (restore it, or list it with `include_deleted=true`) */
            410: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `If-Match` does not name the current version */
            412: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unavailable for now (database, or sign-ins queued); see `Retry-After` */
            503: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listAppointments: {
        parameters: {
            query?: {
                /** @description Page size for page (default 20; more than 100 is read as 100) */
                limit?: number;
                offset?: number;
                /** @description Page number, as Django REST Framework's page pagination (with page_size; not with limit or offset) */
                page?: number;
                /** @description Page size for page (default 20; more than 100 is read as 100) */
                page_size?: number;
                /** @description A field to sort by; a leading `-` sorts descending */
                ordering?: "start" | "-start" | "created_at" | "-created_at";
                status?: "booked" | "arrived" | "fulfilled" | "cancelled" | "noshow";
                /** @description An ISO 8601 timestamp or date (a date means its start, UTC) */
                from?: string;
                /** @description An ISO 8601 timestamp or date (a date means its start, UTC) */
                to?: string;
                patient_id?: number;
                doctor_id?: number;
                clinic_id?: number;
                include_deleted?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AppointmentList"];
                };
            };
            /** @description Invalid input; `errors` lists every invalid field */
            400: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The Bearer challenge */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many failed sign-ins; see `Retry-After` */
            429: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds until a new attempt may count */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unavailable for now (database, or sign-ins queued); see `Retry-After` */
            503: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createAppointment: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "patient": 1,
                 *       "doctor": 1,
                 *       "start": "2026-05-04T09:00:00Z",
                 *       "duration_minutes": 30,
                 *       "reason": "Annual review"
                 *     }
                 */
                "application/json": components["schemas"]["AppointmentInput"];
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Where the new resource is */
                    Location?: string;
                    /** @description The version */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Appointment"];
                };
            };
            /** @description Invalid input; `errors` lists every invalid field */
            400: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The Bearer challenge */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Visible but not yours to change */
            403: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict; `errors` names the field */
            409: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body over 1 MiB (a document: over DOCUMENT_MAX_BYTES) */
            413: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body is not application/json (a document: not multipart/form-data, or a file type not accepted or not matching its content) */
            415: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unavailable for now (database, or sign-ins queued); see `Retry-After` */
            503: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getAppointment: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag you hold; 304 with no body when it is still current */
                "If-None-Match"?: string;
            };
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The version */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Appointment"];
                };
            };
            /** @description Not modified: the ETag sent is still current */
            304: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The version */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The Bearer challenge */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Deleted (restore it, or list it with `include_deleted=true`) */
            410: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unavailable for now (database, or sign-ins queued); see `Retry-After` */
            503: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteAppointment: {
        parameters: {
            query?: never;
            header?: {
                /** @description The version last read, as its ETag (`"3"`); a stale one gives 412 */
                "If-Match"?: string;
            };
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            204: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The Bearer challenge */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Visible but not yours to change */
            403: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Deleted (restore it, or list it with `include_deleted=true`) */
            410: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `If-Match` does not name the current version */
            412: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unavailable for now (database, or sign-ins queued); see `Retry-After` */
            503: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateAppointment: {
        parameters: {
            query?: never;
            header?: {
                /** @description The version last read, as its ETag (`"3"`); a stale one gives 412 */
                "If-Match"?: string;
            };
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "status": "arrived"
                 *     }
                 */
                "application/json": components["schemas"]["AppointmentPatch"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The version */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Appointment"];
                };
            };
            /** @description Invalid input; `errors` lists every invalid field */
            400: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The Bearer challenge */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Visible but not yours to change */
            403: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict; `errors` names the field */
            409: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Deleted (restore it, or list it with `include_deleted=true`) */
            410: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `If-Match` does not name the current version */
            412: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body over 1 MiB (a document: over DOCUMENT_MAX_BYTES) */
            413: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body is not application/json (a document: not multipart/form-data, or a file type not accepted or not matching its content) */
            415: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unavailable for now (database, or sign-ins queued); see `Retry-After` */
            503: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    restoreAppointment: {
        parameters: {
            query?: never;
            header?: {
                /** @description The version last read, as its ETag (`"3"`); a stale one gives 412 */
                "If-Match"?: string;
            };
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The version */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Appointment"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The Bearer challenge */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Visible but not yours to change */
            403: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict; `errors` names the field */
            409: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `If-Match` does not name the current version */
            412: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unavailable for now (database, or sign-ins queued); see `Retry-After` */
            503: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listAppointmentVersions: {
        parameters: {
            query?: {
                /** @description Page size for page (default 20; more than 100 is read as 100) */
                limit?: number;
                offset?: number;
                /** @description Page number, as Django REST Framework's page pagination (with page_size; not with limit or offset) */
                page?: number;
                /** @description Page size for page (default 20; more than 100 is read as 100) */
                page_size?: number;
            };
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AppointmentVersionList"];
                };
            };
            /** @description Invalid input; `errors` lists every invalid field */
            400: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The Bearer challenge */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unavailable for now (database, or sign-ins queued); see `Retry-After` */
            503: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getAppointmentVersion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
                version: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AppointmentVersion"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The Bearer challenge */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unavailable for now (database, or sign-ins queued); see `Retry-After` */
            503: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getDocument: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The version */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Document"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The Bearer challenge */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Visible but not yours to change */
            403: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Deleted (restore it, or list it with `include_deleted=true`) */
            410: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unavailable for now (database, or sign-ins queued); see `Retry-After` */
            503: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteDocument: {
        parameters: {
            query?: never;
            header?: {
                /** @description The version last read, as its ETag (`"3"`); a stale one gives 412 */
                "If-Match"?: string;
            };
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            204: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The Bearer challenge */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Visible but not yours to change */
            403: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Deleted (restore it, or list it with `include_deleted=true`) */
            410: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `If-Match` does not name the current version */
            412: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unavailable for now (database, or sign-ins queued); see `Retry-After` */
            503: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateDocument: {
        parameters: {
            query?: never;
            header?: {
                /** @description The version last read, as its ETag (`"3"`); a stale one gives 412 */
                "If-Match"?: string;
            };
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "title": "Blood panel, March",
                 *       "category": "lab_report"
                 *     }
                 */
                "application/json": components["schemas"]["DocumentPatch"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The version */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Document"];
                };
            };
            /** @description Invalid input; `errors` lists every invalid field */
            400: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The Bearer challenge */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Visible but not yours to change */
            403: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Deleted (restore it, or list it with `include_deleted=true`) */
            410: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `If-Match` does not name the current version */
            412: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body over 1 MiB (a document: over DOCUMENT_MAX_BYTES) */
            413: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body is not application/json (a document: not multipart/form-data, or a file type not accepted or not matching its content) */
            415: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unavailable for now (database, or sign-ins queued); see `Retry-After` */
            503: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getDocumentContent: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag you hold; 304 with no body when it is still current */
                "If-None-Match"?: string;
            };
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The bytes, as an attachment of the document's type */
            200: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": string;
                };
            };
            /** @description Not modified: the ETag sent is still current */
            304: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The version */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The Bearer challenge */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Visible but not yours to change */
            403: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Deleted (restore it, or list it with `include_deleted=true`) */
            410: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The range asked for is outside the document; `Content-Range` gives its size */
            416: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unavailable for now (database, or sign-ins queued); see `Retry-After` */
            503: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    restoreDocument: {
        parameters: {
            query?: never;
            header?: {
                /** @description The version last read, as its ETag (`"3"`); a stale one gives 412 */
                "If-Match"?: string;
            };
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The version */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Document"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The Bearer challenge */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Visible but not yours to change */
            403: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict; `errors` names the field */
            409: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `If-Match` does not name the current version */
            412: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unavailable for now (database, or sign-ins queued); see `Retry-After` */
            503: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listDocumentVersions: {
        parameters: {
            query?: {
                /** @description Page size for page (default 20; more than 100 is read as 100) */
                limit?: number;
                offset?: number;
                /** @description Page number, as Django REST Framework's page pagination (with page_size; not with limit or offset) */
                page?: number;
                /** @description Page size for page (default 20; more than 100 is read as 100) */
                page_size?: number;
            };
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DocumentVersionList"];
                };
            };
            /** @description Invalid input; `errors` lists every invalid field */
            400: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The Bearer challenge */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Visible but not yours to change */
            403: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unavailable for now (database, or sign-ins queued); see `Retry-After` */
            503: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getDocumentVersion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
                version: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DocumentVersion"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The Bearer challenge */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Visible but not yours to change */
            403: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unavailable for now (database, or sign-ins queued); see `Retry-After` */
            503: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listChanges: {
        parameters: {
            query?: {
                /** @description The `next_after` of the last page */
                after?: number;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChangePage"];
                };
            };
            /** @description Invalid input; `errors` lists every invalid field */
            400: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The Bearer challenge */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many failed sign-ins; see `Retry-After` */
            429: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds until a new attempt may count */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unavailable for now (database, or sign-ins queued); see `Retry-After` */
            503: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listWebhooks: {
        parameters: {
            query?: {
                /** @description Page size for page (default 20; more than 100 is read as 100) */
                limit?: number;
                offset?: number;
                /** @description Page number, as Django REST Framework's page pagination (with page_size; not with limit or offset) */
                page?: number;
                /** @description Page size for page (default 20; more than 100 is read as 100) */
                page_size?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookList"];
                };
            };
            /** @description Invalid input; `errors` lists every invalid field */
            400: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The Bearer challenge */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unavailable for now (database, or sign-ins queued); see `Retry-After` */
            503: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "url": "https://hooks.example.com/records",
                 *       "events": [
                 *         "patient.created",
                 *         "*"
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["WebhookInput"];
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Where the new resource is */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Webhook"];
                };
            };
            /** @description Invalid input; `errors` lists every invalid field */
            400: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The Bearer challenge */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Visible but not yours to change */
            403: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body over 1 MiB (a document: over DOCUMENT_MAX_BYTES) */
            413: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body is not application/json (a document: not multipart/form-data, or a file type not accepted or not matching its content) */
            415: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unavailable for now (database, or sign-ins queued); see `Retry-After` */
            503: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Webhook"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The Bearer challenge */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unavailable for now (database, or sign-ins queued); see `Retry-After` */
            503: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            204: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The Bearer challenge */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unavailable for now (database, or sign-ins queued); see `Retry-After` */
            503: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "active": true
                 *     }
                 */
                "application/json": components["schemas"]["WebhookPatch"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Webhook"];
                };
            };
            /** @description Invalid input; `errors` lists every invalid field */
            400: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The Bearer challenge */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body over 1 MiB (a document: over DOCUMENT_MAX_BYTES) */
            413: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body is not application/json (a document: not multipart/form-data, or a file type not accepted or not matching its content) */
            415: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unavailable for now (database, or sign-ins queued); see `Retry-After` */
            503: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    rotateWebhookSecret: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Webhook"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The Bearer challenge */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unavailable for now (database, or sign-ins queued); see `Retry-After` */
            503: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listWebhookDeliveries: {
        parameters: {
            query?: {
                /** @description Page size for page (default 20; more than 100 is read as 100) */
                limit?: number;
                offset?: number;
                /** @description Page number, as Django REST Framework's page pagination (with page_size; not with limit or offset) */
                page?: number;
                /** @description Page size for page (default 20; more than 100 is read as 100) */
                page_size?: number;
            };
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDeliveryList"];
                };
            };
            /** @description Invalid input; `errors` lists every invalid field */
            400: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The Bearer challenge */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unavailable for now (database, or sign-ins queued); see `Retry-After` */
            503: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    redeliverWebhookDelivery: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
                delivery: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            202: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The Bearer challenge */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unavailable for now (database, or sign-ins queued); see `Retry-After` */
            503: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listClinics: {
        parameters: {
            query?: {
                /** @description Page size for page (default 20; more than 100 is read as 100) */
                limit?: number;
                offset?: number;
                /** @description Page number, as Django REST Framework's page pagination (with page_size; not with limit or offset) */
                page?: number;
                /** @description Page size for page (default 20; more than 100 is read as 100) */
                page_size?: number;
                /** @description A field to sort by; a leading `-` sorts descending */
                ordering?: "id" | "-id" | "name" | "-name" | "created_at" | "-created_at";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClinicList"];
                };
            };
            /** @description Invalid input; `errors` lists every invalid field */
            400: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The Bearer challenge */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unavailable for now (database, or sign-ins queued); see `Retry-After` */
            503: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createClinic: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ClinicInput"];
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Where the new resource is */
                    Location?: string;
                    /** @description The version */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Clinic"];
                };
            };
            /** @description Invalid input; `errors` lists every invalid field */
            400: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The Bearer challenge */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body over 1 MiB (a document: over DOCUMENT_MAX_BYTES) */
            413: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body is not application/json (a document: not multipart/form-data, or a file type not accepted or not matching its content) */
            415: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unavailable for now (database, or sign-ins queued); see `Retry-After` */
            503: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getClinic: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The version */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Clinic"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The Bearer challenge */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unavailable for now (database, or sign-ins queued); see `Retry-After` */
            503: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteClinic: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            204: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The Bearer challenge */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Visible but not yours to change */
            403: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict; `errors` names the field */
            409: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unavailable for now (database, or sign-ins queued); see `Retry-After` */
            503: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateClinic: {
        parameters: {
            query?: never;
            header?: {
                /** @description The version last read, as its ETag (`"3"`); a stale one gives 412 */
                "If-Match"?: string;
            };
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ClinicPatch"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The version */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Clinic"];
                };
            };
            /** @description Invalid input; `errors` lists every invalid field */
            400: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The Bearer challenge */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Visible but not yours to change */
            403: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description `If-Match` does not name the current version */
            412: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body over 1 MiB (a document: over DOCUMENT_MAX_BYTES) */
            413: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body is not application/json (a document: not multipart/form-data, or a file type not accepted or not matching its content) */
            415: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unavailable for now (database, or sign-ins queued); see `Retry-After` */
            503: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listClinicMembers: {
        parameters: {
            query?: {
                /** @description Page size for page (default 20; more than 100 is read as 100) */
                limit?: number;
                offset?: number;
                /** @description Page number, as Django REST Framework's page pagination (with page_size; not with limit or offset) */
                page?: number;
                /** @description Page size for page (default 20; more than 100 is read as 100) */
                page_size?: number;
                /** @description A field to sort by; a leading `-` sorts descending */
                ordering?: "added_at" | "-added_at";
            };
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClinicMemberList"];
                };
            };
            /** @description Invalid input; `errors` lists every invalid field */
            400: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The Bearer challenge */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unavailable for now (database, or sign-ins queued); see `Retry-After` */
            503: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    addClinicMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MemberInput"];
            };
        };
        responses: {
            /** @description Success */
            201: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Where the new resource is */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClinicMember"];
                };
            };
            /** @description Invalid input; `errors` lists every invalid field */
            400: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The Bearer challenge */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Visible but not yours to change */
            403: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict; `errors` names the field */
            409: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body over 1 MiB (a document: over DOCUMENT_MAX_BYTES) */
            413: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body is not application/json (a document: not multipart/form-data, or a file type not accepted or not matching its content) */
            415: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unavailable for now (database, or sign-ins queued); see `Retry-After` */
            503: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    removeClinicMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
                user_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            204: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The Bearer challenge */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Visible but not yours to change */
            403: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict; `errors` names the field */
            409: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unavailable for now (database, or sign-ins queued); see `Retry-After` */
            503: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    changeClinicMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
                user_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MemberPatch"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClinicMember"];
                };
            };
            /** @description Invalid input; `errors` lists every invalid field */
            400: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The Bearer challenge */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Visible but not yours to change */
            403: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict; `errors` names the field */
            409: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body over 1 MiB (a document: over DOCUMENT_MAX_BYTES) */
            413: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body is not application/json (a document: not multipart/form-data, or a file type not accepted or not matching its content) */
            415: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unavailable for now (database, or sign-ins queued); see `Retry-After` */
            503: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listClinicAuditEvents: {
        parameters: {
            query?: {
                /** @description Page size for page (default 20; more than 100 is read as 100) */
                limit?: number;
                offset?: number;
                /** @description Page number, as Django REST Framework's page pagination (with page_size; not with limit or offset) */
                page?: number;
                /** @description Page size for page (default 20; more than 100 is read as 100) */
                page_size?: number;
                /** @description Keyset paging, instead of `offset` and as fast at any depth: empty for the first page, then the position a `next` or `previous` link carries */
                cursor?: string;
                action?: "read" | "list" | "create" | "update" | "delete" | "restore" | "purge" | "member_add" | "member_change" | "member_remove";
                /** @description An ISO 8601 timestamp or date (a date means its start, UTC) */
                since?: string;
                /** @description An ISO 8601 timestamp or date (a date means its start, UTC) */
                until?: string;
            };
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditEventList"];
                };
            };
            /** @description Invalid input; `errors` lists every invalid field */
            400: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The Bearer challenge */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Visible but not yours to change */
            403: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many failed sign-ins; see `Retry-After` */
            429: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds until a new attempt may count */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unavailable for now (database, or sign-ins queued); see `Retry-After` */
            503: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listAuditEvents: {
        parameters: {
            query?: {
                /** @description Page size for page (default 20; more than 100 is read as 100) */
                limit?: number;
                offset?: number;
                /** @description Page number, as Django REST Framework's page pagination (with page_size; not with limit or offset) */
                page?: number;
                /** @description Page size for page (default 20; more than 100 is read as 100) */
                page_size?: number;
                /** @description Keyset paging, instead of `offset` and as fast at any depth: empty for the first page, then the position a `next` or `previous` link carries */
                cursor?: string;
                action?: "read" | "list" | "create" | "update" | "delete" | "restore" | "purge" | "member_add" | "member_change" | "member_remove";
                /** @description An ISO 8601 timestamp or date (a date means its start, UTC) */
                since?: string;
                /** @description An ISO 8601 timestamp or date (a date means its start, UTC) */
                until?: string;
                user_id?: number;
                patient_id?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditEventList"];
                };
            };
            /** @description Invalid input; `errors` lists every invalid field */
            400: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The Bearer challenge */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Visible but not yours to change */
            403: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many failed sign-ins; see `Retry-After` */
            429: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds until a new attempt may count */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unavailable for now (database, or sign-ins queued); see `Retry-After` */
            503: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listUsers: {
        parameters: {
            query?: {
                /** @description Page size for page (default 20; more than 100 is read as 100) */
                limit?: number;
                offset?: number;
                /** @description Page number, as Django REST Framework's page pagination (with page_size; not with limit or offset) */
                page?: number;
                /** @description Page size for page (default 20; more than 100 is read as 100) */
                page_size?: number;
                /** @description A field to sort by; a leading `-` sorts descending */
                ordering?: "id" | "-id" | "name" | "-name" | "email" | "-email" | "created_at" | "-created_at" | "last_login_at" | "-last_login_at";
                search?: string;
                role?: "user" | "admin";
                is_active?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ManagedUserList"];
                };
            };
            /** @description Invalid input; `errors` lists every invalid field */
            400: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The Bearer challenge */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Visible but not yours to change */
            403: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unavailable for now (database, or sign-ins queued); see `Retry-After` */
            503: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ManagedUser"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The Bearer challenge */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Visible but not yours to change */
            403: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unavailable for now (database, or sign-ins queued); see `Retry-After` */
            503: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                /**
                 * @example {
                 *       "is_active": false
                 *     }
                 */
                "application/json": components["schemas"]["UserChange"];
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ManagedUser"];
                };
            };
            /** @description Invalid input; `errors` lists every invalid field */
            400: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The Bearer challenge */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Visible but not yours to change */
            403: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict; `errors` names the field */
            409: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body over 1 MiB (a document: over DOCUMENT_MAX_BYTES) */
            413: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body is not application/json (a document: not multipart/form-data, or a file type not accepted or not matching its content) */
            415: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unavailable for now (database, or sign-ins queued); see `Retry-After` */
            503: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listUserSessions: {
        parameters: {
            query?: {
                /** @description Page size for page (default 20; more than 100 is read as 100) */
                limit?: number;
                offset?: number;
                /** @description Page number, as Django REST Framework's page pagination (with page_size; not with limit or offset) */
                page?: number;
                /** @description Page size for page (default 20; more than 100 is read as 100) */
                page_size?: number;
                /** @description A field to sort by; a leading `-` sorts descending */
                ordering?: "last_used_at" | "-last_used_at";
            };
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionList"];
                };
            };
            /** @description Invalid input; `errors` lists every invalid field */
            400: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The Bearer challenge */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Visible but not yours to change */
            403: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unavailable for now (database, or sign-ins queued); see `Retry-After` */
            503: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    endUserSessions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            204: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The Bearer challenge */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Visible but not yours to change */
            403: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unavailable for now (database, or sign-ins queued); see `Retry-After` */
            503: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    clearUserLoginFailures: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            204: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The Bearer challenge */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Visible but not yours to change */
            403: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unavailable for now (database, or sign-ins queued); see `Retry-After` */
            503: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    fhirCapabilities: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["CapabilityStatement"];
                };
            };
            /** @description Unavailable for now (database, or sign-ins queued); see `Retry-After` */
            503: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["OperationOutcome"];
                };
            };
        };
    };
    searchFhirPatients: {
        parameters: {
            query?: {
                /** @description Patient ids, comma-separated */
                _id?: string;
                /** @description A word of the name starts with the value (any case); name:contains matches anywhere, name:exact the whole name */
                name?: string;
                /** @description Contains */
                "name:contains"?: string;
                /** @description Equals */
                "name:exact"?: string;
                /** @description YYYY, YYYY-MM or YYYY-MM-DD with an optional prefix eq, ne, gt, lt, ge, le, sa, eb; repeat the parameter for a range */
                birthdate?: string;
                /** @description male, female, other or unknown */
                gender?: string;
                /** @description Entries a page (default 20; more than 100 reads as 100) */
                _count?: number;
                /** @description Matches to skip (the next and previous links carry it) */
                _offset?: number;
                /** @description How to count the matches: not at all, the planner's estimate, or exactly (by default: exactly up to COUNT_EXACT_UP_TO matches, the estimate past that) */
                _total?: "none" | "estimate" | "accurate";
                /** @description Keyset paging by id, instead of _offset and as fast at any depth: empty for the first page, then as the next and previous links carry it */
                _cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["FhirBundle"];
                };
            };
            /** @description Invalid input; `errors` lists every invalid field */
            400: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["OperationOutcome"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The Bearer challenge */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["OperationOutcome"];
                };
            };
            /** @description Too many failed sign-ins; see `Retry-After` */
            429: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds until a new attempt may count */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["OperationOutcome"];
                };
            };
            /** @description Unavailable for now (database, or sign-ins queued); see `Retry-After` */
            503: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["OperationOutcome"];
                };
            };
        };
    };
    readFhirPatient: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The version */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["FhirPatient"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The Bearer challenge */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["OperationOutcome"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["OperationOutcome"];
                };
            };
            /** @description Deleted (restore it, or list it with `include_deleted=true`) */
            410: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["OperationOutcome"];
                };
            };
            /** @description Unavailable for now (database, or sign-ins queued); see `Retry-After` */
            503: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["OperationOutcome"];
                };
            };
        };
    };
    historyFhirPatient: {
        parameters: {
            query?: {
                /** @description Entries a page */
                _count?: number;
                /** @description Entries to skip */
                _offset?: number;
            };
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["FhirHistoryBundle"];
                };
            };
            /** @description Invalid input; `errors` lists every invalid field */
            400: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["OperationOutcome"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The Bearer challenge */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["OperationOutcome"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["OperationOutcome"];
                };
            };
            /** @description Unavailable for now (database, or sign-ins queued); see `Retry-After` */
            503: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["OperationOutcome"];
                };
            };
        };
    };
    vreadFhirPatient: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
                vid: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["FhirPatient"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The Bearer challenge */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["OperationOutcome"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["OperationOutcome"];
                };
            };
            /** @description Deleted (restore it, or list it with `include_deleted=true`) */
            410: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["OperationOutcome"];
                };
            };
            /** @description Unavailable for now (database, or sign-ins queued); see `Retry-After` */
            503: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["OperationOutcome"];
                };
            };
        };
    };
    searchFhirPractitioners: {
        parameters: {
            query?: {
                /** @description Practitioner ids, comma-separated */
                _id?: string;
                /** @description As Patient's name (with :contains and :exact) */
                name?: string;
                /** @description Contains */
                "name:contains"?: string;
                /** @description Equals */
                "name:exact"?: string;
                /** @description Entries a page (default 20; more than 100 reads as 100) */
                _count?: number;
                /** @description Matches to skip (the next and previous links carry it) */
                _offset?: number;
                /** @description How to count the matches: not at all, the planner's estimate, or exactly (by default: exactly up to COUNT_EXACT_UP_TO matches, the estimate past that) */
                _total?: "none" | "estimate" | "accurate";
                /** @description Keyset paging by id, instead of _offset and as fast at any depth: empty for the first page, then as the next and previous links carry it */
                _cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["FhirBundle"];
                };
            };
            /** @description Invalid input; `errors` lists every invalid field */
            400: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["OperationOutcome"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The Bearer challenge */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["OperationOutcome"];
                };
            };
            /** @description Too many failed sign-ins; see `Retry-After` */
            429: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds until a new attempt may count */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["OperationOutcome"];
                };
            };
            /** @description Unavailable for now (database, or sign-ins queued); see `Retry-After` */
            503: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["OperationOutcome"];
                };
            };
        };
    };
    readFhirPractitioner: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The version */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["FhirPractitioner"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The Bearer challenge */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["OperationOutcome"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["OperationOutcome"];
                };
            };
            /** @description Deleted (restore it, or list it with `include_deleted=true`) */
            410: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["OperationOutcome"];
                };
            };
            /** @description Unavailable for now (database, or sign-ins queued); see `Retry-After` */
            503: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["OperationOutcome"];
                };
            };
        };
    };
    historyFhirPractitioner: {
        parameters: {
            query?: {
                /** @description Entries a page */
                _count?: number;
                /** @description Entries to skip */
                _offset?: number;
            };
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["FhirHistoryBundle"];
                };
            };
            /** @description Invalid input; `errors` lists every invalid field */
            400: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["OperationOutcome"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The Bearer challenge */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["OperationOutcome"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["OperationOutcome"];
                };
            };
            /** @description Unavailable for now (database, or sign-ins queued); see `Retry-After` */
            503: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["OperationOutcome"];
                };
            };
        };
    };
    vreadFhirPractitioner: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
                vid: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["FhirPractitioner"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The Bearer challenge */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["OperationOutcome"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["OperationOutcome"];
                };
            };
            /** @description Deleted (restore it, or list it with `include_deleted=true`) */
            410: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["OperationOutcome"];
                };
            };
            /** @description Unavailable for now (database, or sign-ins queued); see `Retry-After` */
            503: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["OperationOutcome"];
                };
            };
        };
    };
    searchFhirPractitionerRoles: {
        parameters: {
            query?: {
                /** @description PractitionerRole ids (the doctor's), comma-separated */
                _id?: string;
                /** @description A specialization code (urn:healthcare-records:specialization), such as cardiology */
                specialty?: string;
                /** @description Practitioner/<id> */
                practitioner?: string;
                /** @description true when the doctor takes patients */
                active?: string;
                /** @description Entries a page (default 20; more than 100 reads as 100) */
                _count?: number;
                /** @description Matches to skip (the next and previous links carry it) */
                _offset?: number;
                /** @description How to count the matches: not at all, the planner's estimate, or exactly (by default: exactly up to COUNT_EXACT_UP_TO matches, the estimate past that) */
                _total?: "none" | "estimate" | "accurate";
                /** @description Keyset paging by id, instead of _offset and as fast at any depth: empty for the first page, then as the next and previous links carry it */
                _cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["FhirBundle"];
                };
            };
            /** @description Invalid input; `errors` lists every invalid field */
            400: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["OperationOutcome"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The Bearer challenge */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["OperationOutcome"];
                };
            };
            /** @description Too many failed sign-ins; see `Retry-After` */
            429: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds until a new attempt may count */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["OperationOutcome"];
                };
            };
            /** @description Unavailable for now (database, or sign-ins queued); see `Retry-After` */
            503: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["OperationOutcome"];
                };
            };
        };
    };
    readFhirPractitionerRole: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The version */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["FhirPractitionerRole"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The Bearer challenge */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["OperationOutcome"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["OperationOutcome"];
                };
            };
            /** @description Deleted (restore it, or list it with `include_deleted=true`) */
            410: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["OperationOutcome"];
                };
            };
            /** @description Unavailable for now (database, or sign-ins queued); see `Retry-After` */
            503: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["OperationOutcome"];
                };
            };
        };
    };
    searchFhirCareTeams: {
        parameters: {
            query?: {
                /** @description CareTeam ids (the patient's), comma-separated */
                _id?: string;
                /** @description Patient/<id> */
                patient?: string;
                /** @description Patient/<id>, as patient */
                subject?: string;
                /** @description Entries a page (default 20; more than 100 reads as 100) */
                _count?: number;
                /** @description Matches to skip (the next and previous links carry it) */
                _offset?: number;
                /** @description How to count the matches: not at all, the planner's estimate, or exactly (by default: exactly up to COUNT_EXACT_UP_TO matches, the estimate past that) */
                _total?: "none" | "estimate" | "accurate";
                /** @description Keyset paging by id, instead of _offset and as fast at any depth: empty for the first page, then as the next and previous links carry it */
                _cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["FhirBundle"];
                };
            };
            /** @description Invalid input; `errors` lists every invalid field */
            400: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["OperationOutcome"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The Bearer challenge */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["OperationOutcome"];
                };
            };
            /** @description Too many failed sign-ins; see `Retry-After` */
            429: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds until a new attempt may count */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["OperationOutcome"];
                };
            };
            /** @description Unavailable for now (database, or sign-ins queued); see `Retry-After` */
            503: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["OperationOutcome"];
                };
            };
        };
    };
    searchFhirOrganizations: {
        parameters: {
            query?: {
                /** @description Organization ids (the clinic's), comma-separated */
                _id?: string;
                /** @description As Patient's name (with :contains and :exact) */
                name?: string;
                /** @description Contains */
                "name:contains"?: string;
                /** @description Equals */
                "name:exact"?: string;
                /** @description Entries a page (default 20; more than 100 reads as 100) */
                _count?: number;
                /** @description Matches to skip (the next and previous links carry it) */
                _offset?: number;
                /** @description How to count the matches: not at all, the planner's estimate, or exactly (by default: exactly up to COUNT_EXACT_UP_TO matches, the estimate past that) */
                _total?: "none" | "estimate" | "accurate";
                /** @description Keyset paging by id, instead of _offset and as fast at any depth: empty for the first page, then as the next and previous links carry it */
                _cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["FhirBundle"];
                };
            };
            /** @description Invalid input; `errors` lists every invalid field */
            400: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["OperationOutcome"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The Bearer challenge */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["OperationOutcome"];
                };
            };
            /** @description Too many failed sign-ins; see `Retry-After` */
            429: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds until a new attempt may count */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["OperationOutcome"];
                };
            };
            /** @description Unavailable for now (database, or sign-ins queued); see `Retry-After` */
            503: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["OperationOutcome"];
                };
            };
        };
    };
    readFhirOrganization: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The version */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["FhirOrganization"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The Bearer challenge */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["OperationOutcome"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["OperationOutcome"];
                };
            };
            /** @description Unavailable for now (database, or sign-ins queued); see `Retry-After` */
            503: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["OperationOutcome"];
                };
            };
        };
    };
    searchFhirAppointments: {
        parameters: {
            query?: {
                /** @description Appointment ids, comma-separated */
                _id?: string;
                /** @description Patient/<id> */
                patient?: string;
                /** @description Practitioner/<id> */
                practitioner?: string;
                /** @description The start's day (UTC): YYYY, YYYY-MM or YYYY-MM-DD with an optional prefix eq, ne, gt, lt, ge, le, sa, eb; repeat the parameter for a range */
                date?: string;
                /** @description booked, arrived, fulfilled, cancelled or noshow */
                status?: string;
                /** @description Entries a page (default 20; more than 100 reads as 100) */
                _count?: number;
                /** @description Matches to skip (the next and previous links carry it) */
                _offset?: number;
                /** @description How to count the matches: not at all, the planner's estimate, or exactly (by default: exactly up to COUNT_EXACT_UP_TO matches, the estimate past that) */
                _total?: "none" | "estimate" | "accurate";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["FhirBundle"];
                };
            };
            /** @description Invalid input; `errors` lists every invalid field */
            400: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["OperationOutcome"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The Bearer challenge */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["OperationOutcome"];
                };
            };
            /** @description Too many failed sign-ins; see `Retry-After` */
            429: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds until a new attempt may count */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["OperationOutcome"];
                };
            };
            /** @description Unavailable for now (database, or sign-ins queued); see `Retry-After` */
            503: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["OperationOutcome"];
                };
            };
        };
    };
    readFhirAppointment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The version */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["FhirAppointment"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The Bearer challenge */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["OperationOutcome"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["OperationOutcome"];
                };
            };
            /** @description Deleted (restore it, or list it with `include_deleted=true`) */
            410: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["OperationOutcome"];
                };
            };
            /** @description Unavailable for now (database, or sign-ins queued); see `Retry-After` */
            503: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["OperationOutcome"];
                };
            };
        };
    };
    searchFhirDocumentReferences: {
        parameters: {
            query?: {
                /** @description DocumentReference ids (the document's), comma-separated */
                _id?: string;
                /** @description Patient/<id> */
                patient?: string;
                /** @description lab_report, imaging, referral, prescription, consent, clinical_note or other */
                category?: string;
                /** @description When it was stored (UTC day): YYYY, YYYY-MM or YYYY-MM-DD with an optional prefix eq, ne, gt, lt, ge, le, sa, eb; repeat the parameter for a range */
                date?: string;
                /** @description Entries a page (default 20; more than 100 reads as 100) */
                _count?: number;
                /** @description Matches to skip (the next and previous links carry it) */
                _offset?: number;
                /** @description How to count the matches: not at all, the planner's estimate, or exactly (by default: exactly up to COUNT_EXACT_UP_TO matches, the estimate past that) */
                _total?: "none" | "estimate" | "accurate";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["FhirBundle"];
                };
            };
            /** @description Invalid input; `errors` lists every invalid field */
            400: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["OperationOutcome"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The Bearer challenge */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["OperationOutcome"];
                };
            };
            /** @description Too many failed sign-ins; see `Retry-After` */
            429: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds until a new attempt may count */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["OperationOutcome"];
                };
            };
            /** @description Unavailable for now (database, or sign-ins queued); see `Retry-After` */
            503: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["OperationOutcome"];
                };
            };
        };
    };
    readFhirDocumentReference: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The version */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["FhirDocumentReference"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The Bearer challenge */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["OperationOutcome"];
                };
            };
            /** @description Visible but not yours to change */
            403: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["OperationOutcome"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["OperationOutcome"];
                };
            };
            /** @description Deleted (restore it, or list it with `include_deleted=true`) */
            410: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["OperationOutcome"];
                };
            };
            /** @description Unavailable for now (database, or sign-ins queued); see `Retry-After` */
            503: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["OperationOutcome"];
                };
            };
        };
    };
    readFhirBinary: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The version */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["FhirBinary"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The Bearer challenge */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["OperationOutcome"];
                };
            };
            /** @description Visible but not yours to change */
            403: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["OperationOutcome"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["OperationOutcome"];
                };
            };
            /** @description Not acceptable as asked (a large Binary as FHIR JSON: ask for its bytes) */
            406: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["OperationOutcome"];
                };
            };
            /** @description Deleted (restore it, or list it with `include_deleted=true`) */
            410: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["OperationOutcome"];
                };
            };
            /** @description Unavailable for now (database, or sign-ins queued); see `Retry-After` */
            503: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["OperationOutcome"];
                };
            };
        };
    };
    searchFhirSchedules: {
        parameters: {
            query?: {
                /** @description Schedule ids (the doctor's), comma-separated */
                _id?: string;
                /** @description Practitioner/<id> */
                actor?: string;
                /** @description Entries a page (default 20; more than 100 reads as 100) */
                _count?: number;
                /** @description Matches to skip (the next and previous links carry it) */
                _offset?: number;
                /** @description How to count the matches: not at all, the planner's estimate, or exactly (by default: exactly up to COUNT_EXACT_UP_TO matches, the estimate past that) */
                _total?: "none" | "estimate" | "accurate";
                /** @description Keyset paging by id, instead of _offset and as fast at any depth: empty for the first page, then as the next and previous links carry it */
                _cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["FhirBundle"];
                };
            };
            /** @description Invalid input; `errors` lists every invalid field */
            400: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["OperationOutcome"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The Bearer challenge */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["OperationOutcome"];
                };
            };
            /** @description Too many failed sign-ins; see `Retry-After` */
            429: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds until a new attempt may count */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["OperationOutcome"];
                };
            };
            /** @description Unavailable for now (database, or sign-ins queued); see `Retry-After` */
            503: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["OperationOutcome"];
                };
            };
        };
    };
    readFhirSchedule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The version */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["FhirSchedule"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The Bearer challenge */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["OperationOutcome"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["OperationOutcome"];
                };
            };
            /** @description Deleted (restore it, or list it with `include_deleted=true`) */
            410: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["OperationOutcome"];
                };
            };
            /** @description Unavailable for now (database, or sign-ins queued); see `Retry-After` */
            503: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["OperationOutcome"];
                };
            };
        };
    };
    searchFhirSlots: {
        parameters: {
            query?: {
                /** @description Schedule/<id> (required: one schedule) */
                schedule?: string;
                /** @description Free 30-minute slots starting in a window of days (UTC) given by the prefixes ge, gt, le, lt or eq; at most 31 days, the next 7 when not given */
                start?: string;
                /** @description Entries a page (default 20; more than 100 reads as 100) */
                _count?: number;
                /** @description Matches to skip (the next and previous links carry it) */
                _offset?: number;
                /** @description How to count the matches: not at all, the planner's estimate, or exactly (by default: exactly up to COUNT_EXACT_UP_TO matches, the estimate past that) */
                _total?: "none" | "estimate" | "accurate";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["FhirBundle"];
                };
            };
            /** @description Invalid input; `errors` lists every invalid field */
            400: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["OperationOutcome"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The Bearer challenge */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["OperationOutcome"];
                };
            };
            /** @description Too many failed sign-ins; see `Retry-After` */
            429: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds until a new attempt may count */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["OperationOutcome"];
                };
            };
            /** @description Unavailable for now (database, or sign-ins queued); see `Retry-After` */
            503: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["OperationOutcome"];
                };
            };
        };
    };
    readFhirCareTeam: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                team: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["FhirCareTeam"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description The Bearer challenge */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["OperationOutcome"];
                };
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["OperationOutcome"];
                };
            };
            /** @description Deleted (restore it, or list it with `include_deleted=true`) */
            410: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["OperationOutcome"];
                };
            };
            /** @description Unavailable for now (database, or sign-ins queued); see `Retry-After` */
            503: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["OperationOutcome"];
                };
            };
        };
    };
    getApiRoot: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiRoot"];
                };
            };
        };
    };
    getOpenApiDocument: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getDocsPage: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getDocsAsset: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                file: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not found, or not visible to you */
            404: {
                headers: {
                    /** @description The request's id (the client's X-Request-Id, else a new UUID) */
                    "X-Request-Id"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
}
