import { openVerification, readRedirectResult, sdkErrorCodes } from "./index.ts";

/** The script-tag build: `<script src="https://ekyc.example.com/sdk/openekyc.js">` defines `window.OpenEkyc`. */
declare global {
  interface Window {
    OpenEkyc?: {
      openVerification: typeof openVerification;
      readRedirectResult: typeof readRedirectResult;
      errorCodes: typeof sdkErrorCodes;
    };
  }
}

window.OpenEkyc = { openVerification, readRedirectResult, errorCodes: sdkErrorCodes };
