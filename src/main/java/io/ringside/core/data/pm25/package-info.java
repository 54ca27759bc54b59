/**
 * The PM2.5 store ({@code aqdata.pm25} daily, {@code aqdata.pm25_hourly} raw readings) and the
 * CSV importers that fill it. No JavaFX: the console and the CLI both call in here.
 */
package io.ringside.core.data.pm25;
