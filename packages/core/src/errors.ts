/**
 * The one error catalogue. Every failure the service can answer with has a stable internal code here,
 * mapped to the code each wire API speaks (Tencent Cloud API 3.0 and FaceID Lite).
 * Routes never invent codes: they throw `EkycError` and the API adapter maps it.
 */
export interface CatalogueEntry {
  /** Tencent Cloud API 3.0 `Response.Error.Code`. */
  readonly tencent: string;
  /** FaceID Lite `error_message` (sent with an HTTP status). */
  readonly lite: string;
  readonly liteHttpStatus: number;
  /** Default human-readable message; callers may give a more precise one. */
  readonly message: string;
}

export const errorCatalogue = {
  // Authentication and request envelope
  AUTH_SIGNATURE_FAILURE: {
    tencent: "AuthFailure.SignatureFailure",
    lite: "AUTHENTICATION_ERROR",
    liteHttpStatus: 401,
    message: "The provided credentials could not be validated. Please check your signature is correct.",
  },
  AUTH_SIGNATURE_EXPIRED: {
    tencent: "AuthFailure.SignatureExpire",
    lite: "AUTHENTICATION_ERROR",
    liteHttpStatus: 401,
    message: "Signature expired. Timestamp and server time cannot differ by more than 5 minutes.",
  },
  AUTH_SECRET_ID_NOT_FOUND: {
    tencent: "AuthFailure.SecretIdNotFound",
    lite: "AUTHENTICATION_ERROR",
    liteHttpStatus: 401,
    message: "The SecretId is not found, please ensure that your SecretId is correct.",
  },
  AUTH_INVALID_AUTHORIZATION: {
    tencent: "AuthFailure.InvalidAuthorization",
    lite: "AUTHENTICATION_ERROR",
    liteHttpStatus: 401,
    message: "The Authorization header is malformed.",
  },
  UNAUTHORIZED_OPERATION: {
    tencent: "UnauthorizedOperation",
    lite: "AUTHORIZATION_ERROR",
    liteHttpStatus: 403,
    message: "Unauthorized operation.",
  },
  APP_DISABLED: {
    tencent: "UnauthorizedOperation.Nonactivated",
    lite: "AUTHORIZATION_ERROR:DENIED",
    liteHttpStatus: 403,
    message: "The service has not been activated.",
  },
  INVALID_ACTION: {
    tencent: "InvalidAction",
    lite: "API_NOT_FOUND",
    liteHttpStatus: 404,
    message: "The action does not exist.",
  },
  NO_SUCH_VERSION: {
    tencent: "NoSuchVersion",
    lite: "API_NOT_FOUND",
    liteHttpStatus: 404,
    message: "The API version does not exist.",
  },
  MISSING_PARAMETER: {
    tencent: "MissingParameter",
    lite: "MISSING_ARGUMENTS",
    liteHttpStatus: 400,
    message: "A required parameter is missing.",
  },
  INVALID_PARAMETER: {
    tencent: "InvalidParameter",
    lite: "BAD_ARGUMENTS",
    liteHttpStatus: 400,
    message: "Invalid parameter.",
  },
  INVALID_PARAMETER_VALUE: {
    tencent: "InvalidParameterValue",
    lite: "BAD_ARGUMENTS",
    liteHttpStatus: 400,
    message: "Incorrect parameter value.",
  },
  UNKNOWN_PARAMETER: {
    tencent: "UnknownParameter",
    lite: "BAD_ARGUMENTS",
    liteHttpStatus: 400,
    message: "Unknown parameter.",
  },
  REQUEST_SIZE_LIMIT_EXCEEDED: {
    tencent: "RequestSizeLimitExceeded",
    lite: "REQUEST_ENTITY_TOO_LARGE",
    liteHttpStatus: 413,
    message: "The request body is larger than the largest legal request.",
  },
  REQUEST_LIMIT_EXCEEDED: {
    tencent: "RequestLimitExceeded",
    lite: "CONCURRENCY_LIMIT_EXCEEDED",
    liteHttpStatus: 403,
    message: "The number of requests exceeds the frequency limit.",
  },
  UNSUPPORTED_OPERATION: {
    tencent: "UnsupportedOperation",
    lite: "BAD_ARGUMENTS",
    liteHttpStatus: 400,
    message: "Unsupported operation.",
  },
  INTERNAL_ERROR: {
    tencent: "InternalError",
    lite: "INTERNAL_ERROR",
    liteHttpStatus: 500,
    message: "Internal error.",
  },
  // Tokens and session state
  BIZ_TOKEN_ILLEGAL: {
    tencent: "InvalidParameterValue.BizTokenIllegal",
    lite: "INVALID_TOKEN",
    liteHttpStatus: 400,
    message: "Invalid BizToken.",
  },
  BIZ_TOKEN_EXPIRED: {
    tencent: "InvalidParameterValue.BizTokenExpired",
    lite: "EXPIRED_TOKEN",
    liteHttpStatus: 400,
    message: "BizToken expired.",
  },
  // Media
  IMAGE_SIZE_TOO_LARGE: {
    tencent: "FailedOperation.ImageSizeTooLarge",
    lite: "IMAGE_ERROR_UNSUPPORTED_FORMAT",
    liteHttpStatus: 400,
    message: "Image size too large.",
  },
  IMAGE_DECODE_ERROR: {
    tencent: "InvalidParameterValue",
    lite: "IMAGE_ERROR_UNSUPPORTED_FORMAT",
    liteHttpStatus: 400,
    message: "The image could not be decoded as JPEG, PNG or WebP.",
  },
  // A reference photo (CompareImageBase64, Image, CompareImage) that cannot be compared with: refused when the
  // token is requested, so a merchant learns at once instead of the user failing every attempt.
  REFERENCE_NO_FACE: {
    tencent: "FailedOperation.LifePhotoDetectNoFaces",
    lite: "NO_FACE_FOUND",
    liteHttpStatus: 400,
    message: "Failed to detect a full face in the reference photo.",
  },
  REFERENCE_MULTIPLE_FACES: {
    tencent: "FailedOperation.LifePhotoDetectFaces",
    lite: "MULTIPLE_FACES",
    liteHttpStatus: 400,
    message: "Multiple faces are detected in the reference photo.",
  },
  REFERENCE_SIZE_ERROR: {
    tencent: "FailedOperation.LifePhotoSizeError",
    lite: "INVALID_IMAGE_SIZE",
    liteHttpStatus: 400,
    message: "The face in the reference photo is too small, or the photo is too large or too small.",
  },
  REFERENCE_POOR_QUALITY: {
    tencent: "FailedOperation.LifePhotoPoorQuality",
    lite: "LOW_QUALITY",
    liteHttpStatus: 400,
    message: "The reference photo's resolution is too low for a face comparison.",
  },
  DOWNLOAD_ERROR: {
    tencent: "FailedOperation.DownLoadError",
    lite: "INVALID_IMAGE_URL",
    liteHttpStatus: 400,
    message: "File download failed.",
  },
  DOWNLOAD_TIMEOUT: {
    tencent: "FailedOperation.DownLoadTimeoutError",
    lite: "INVALID_IMAGE_URL",
    liteHttpStatus: 400,
    message: "File download timed out.",
  },
  UNKNOWN_FAILURE: {
    tencent: "FailedOperation.UnKnown",
    lite: "INTERNAL_ERROR",
    liteHttpStatus: 500,
    message: "Unknown internal error.",
  },
} as const satisfies Record<string, CatalogueEntry>;

export type ErrorCode = keyof typeof errorCatalogue;

/** The only error type domain code throws for expected failures. */
export class EkycError extends Error {
  readonly code: ErrorCode;
  /** Overrides the Tencent code with a more specific one of the same family (e.g. `MissingParameter`). */
  readonly tencentCode: string;
  constructor(code: ErrorCode, message?: string, options?: { tencentCode?: string; cause?: unknown }) {
    super(message ?? errorCatalogue[code].message, options?.cause ? { cause: options.cause } : undefined);
    this.name = "EkycError";
    this.code = code;
    this.tencentCode = options?.tencentCode ?? errorCatalogue[code].tencent;
  }
}

export function isEkycError(value: unknown): value is EkycError {
  return value instanceof EkycError;
}
