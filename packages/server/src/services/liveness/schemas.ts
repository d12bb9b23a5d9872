import { z } from "zod";

/**
 * Request schemas for the API dispatch table. Fields are optional strings here on purpose: the action
 * functions report a missing field as MissingParameter and a bad one as InvalidParameterValue themselves,
 * with the field's name in the message.
 */
const text = z.string().optional();

export const compareFaceLivenessSchema = z.strictObject({
  ImageBase64: text,
  VideoBase64: text,
  LivenessType: text,
  ValidateData: text,
});

export const livenessCompareSchema = z.strictObject({
  LivenessType: text,
  ImageBase64: text,
  ImageUrl: text,
  VideoBase64: text,
  VideoUrl: text,
  ValidateData: text,
  Optional: text,
});

export const videoLivenessCompareSchema = z.strictObject({
  ImageUrl: text,
  ImageMd5: text,
  VideoUrl: text,
  VideoMd5: text,
  LivenessType: text,
  ValidateData: text,
});
